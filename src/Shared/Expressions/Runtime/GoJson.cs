using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>toJSON as Go's json.MarshalIndent(v, "", "  ") writes it; fromJSON as json.Unmarshal into interface{} reads it.</summary>
internal static class GoJson
{
    public static string Serialize(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    public static object? Deserialize(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 1_000 });
            return Values.FromJson(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new EvaluationError($"invalid JSON: {exception.Message}");
        }
    }

    private static void Write(StringBuilder builder, object? value, int indent)
    {
        Interpreter.EnsureStack();
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case long integer:
                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case double real:
                if (double.IsNaN(real) || double.IsInfinity(real))
                {
                    throw new EvaluationError($"json: unsupported value: {GoFormat.Float(real, 'g')}");
                }

                builder.Append(GoFormat.Float(real, 'j'));
                break;
            case string text:
                WriteString(builder, text);
                break;
            case byte[] bytes:
                WriteString(builder, Convert.ToBase64String(bytes));
                break;
            case DateTimeOffset time:
                WriteString(builder, time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture).Replace("+00:00", "Z", StringComparison.Ordinal));
                break;
            case TimeSpan duration:
                builder.Append((duration.Ticks * 100).ToString(CultureInfo.InvariantCulture));
                break;
            case IReadOnlyList<object?> list:
                if (list.Count == 0)
                {
                    builder.Append("[]");
                    break;
                }

                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    builder.Append(i > 0 ? ",\n" : "\n").Append(' ', (indent + 1) * 2);
                    Write(builder, list[i], indent + 1);
                }

                builder.Append('\n').Append(' ', indent * 2).Append(']');
                break;
            case ExprMap map:
                if (map.Count == 0)
                {
                    builder.Append("{}");
                    break;
                }

                builder.Append('{');
                var first = true;
                foreach (var key in map.Keys.OrderBy(k => GoFormat.Value(k), StringComparer.Ordinal))
                {
                    builder.Append(first ? "\n" : ",\n").Append(' ', (indent + 1) * 2);
                    first = false;
                    WriteString(builder, GoFormat.Value(key));
                    builder.Append(": ");
                    Write(builder, map[key], indent + 1);
                }

                builder.Append('\n').Append(' ', indent * 2).Append('}');
                break;
            default:
                throw new EvaluationError($"json: unsupported type: {Values.GoType(value)}");
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
