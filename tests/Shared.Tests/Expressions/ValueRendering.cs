using System.Globalization;
using System.Text;

namespace Tollgate.Shared.Tests.Expressions;

/// <summary>
/// Renders an evaluation result so a table row can state it exactly: ints plain (3), floats always with a
/// point or exponent (3.0, 0.5, 1e+21, NaN), strings quoted, arrays [a, b], maps {k: v} in key order.
/// </summary>
internal static class ValueRendering
{
    public static string Render(object? value)
    {
        switch (value)
        {
            case null:
                return "nil";
            case bool flag:
                return flag ? "true" : "false";
            case long integer:
                return integer.ToString(CultureInfo.InvariantCulture);
            case double real:
                if (double.IsNaN(real))
                {
                    return "NaN";
                }

                if (double.IsInfinity(real))
                {
                    return real > 0 ? "+Inf" : "-Inf";
                }

                var text = real.ToString("R", CultureInfo.InvariantCulture);
                return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
            case string s:
                return "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
            case TimeSpan duration:
                return "duration:" + duration.ToString("c", CultureInfo.InvariantCulture);
            case DateTimeOffset time:
                return "time:" + time.ToString("O", CultureInfo.InvariantCulture);
            case IDictionary<object, object?> map:
                return "{" + string.Join(", ", map.OrderBy(pair => Render(pair.Key), StringComparer.Ordinal).Select(pair => $"{Render(pair.Key)}: {Render(pair.Value)}")) + "}";
            case IEnumerable<object?> list:
                return "[" + string.Join(", ", list.Select(Render)) + "]";
            default:
                return value.GetType().Name + ":" + value;
        }
    }
}
