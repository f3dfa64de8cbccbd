using System.Globalization;
using System.Text;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>Go's text renderings that users see: fmt's %v (used by string()), float formatting and durations.</summary>
internal static class GoFormat
{
    /// <summary>fmt.Sprintf("%v", value).</summary>
    public static string Value(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("<nil>");
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case long integer:
                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case double real:
                builder.Append(Float(real, 'g'));
                break;
            case string text:
                builder.Append(text);
                break;
            case byte[] bytes:
                builder.Append('[').AppendJoin(' ', bytes).Append(']');
                break;
            case DateTimeOffset time:
                builder.Append(Time(time));
                break;
            case TimeSpan duration:
                builder.Append(Duration(duration));
                break;
            case TimeZoneInfo zone:
                builder.Append(zone.Id);
                break;
            case IReadOnlyList<object?> list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(' ');
                    }

                    Append(builder, list[i]);
                }

                builder.Append(']');
                break;
            case ExprMap map:
                builder.Append("map[");
                var first = true;
                foreach (var key in map.Keys.OrderBy(k => k, KeyOrder.Instance))
                {
                    if (!first)
                    {
                        builder.Append(' ');
                    }

                    first = false;
                    Append(builder, key);
                    builder.Append(':');
                    Append(builder, map[key]);
                }

                builder.Append(']');
                break;
            default:
                builder.Append(value);
                break;
        }
    }

    /// <summary>
    /// Shortest round-trip rendering, in exponent form when the exponent is below -4 or at least
    /// <paramref name="style"/>'s threshold: 21 for %v ('g'), JSON's rules for 'j'.
    /// </summary>
    public static string Float(double value, char style)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) && style == 'g' ? "-0" : "0";
        }

        var (digits, exponent) = ShortestDigits(Math.Abs(value));
        var sign = value < 0 ? "-" : "";
        var useExponent = style == 'j'
            ? Math.Abs(value) < 1e-6 || Math.Abs(value) >= 1e21
            : exponent < -4 || exponent >= 21;
        if (useExponent)
        {
            var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            var exponentText = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
            if (style != 'j' && exponentText.Length < 2)
            {
                exponentText = "0" + exponentText;
            }

            return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{exponentText}";
        }

        // Fixed notation: digits d1d2...dn with the decimal point after (exponent + 1) digits.
        var pointAt = exponent + 1;
        string text;
        if (pointAt <= 0)
        {
            text = "0." + new string('0', -pointAt) + digits;
        }
        else if (pointAt >= digits.Length)
        {
            text = digits + new string('0', pointAt - digits.Length);
        }
        else
        {
            text = digits[..pointAt] + "." + digits[pointAt..];
        }

        return sign + text;
    }

    /// <summary>The shortest decimal digits that round-trip, and the decimal exponent of the first digit.</summary>
    private static (string Digits, int Exponent) ShortestDigits(double value)
    {
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentIndex = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = exponentIndex < 0 ? roundTrip : roundTrip[..exponentIndex];
        var exponent = exponentIndex < 0 ? 0 : int.Parse(roundTrip[(exponentIndex + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? "" : mantissa[(point + 1)..];
        var all = integerPart + fraction;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.TrimStart('0').TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, exponent + integerPart.Length - 1 - leadingZeros);
    }

    /// <summary>time.Duration.String(), e.g. 1h2m3.5s, 150ms, 0s.</summary>
    public static string Duration(TimeSpan duration)
    {
        var nanos = duration.Ticks * 100;
        if (nanos == 0)
        {
            return "0s";
        }

        var negative = nanos < 0;
        var u = (ulong)(negative ? -nanos : nanos);
        string text;
        if (u < 1_000_000_000UL)
        {
            text = u switch
            {
                < 1_000UL => $"{u}ns",
                < 1_000_000UL => FormatFraction(u, 3) + "µs",
                _ => FormatFraction(u, 6) + "ms",
            };
        }
        else
        {
            var seconds = FormatFraction(u % 60_000_000_000UL, 9) + "s";
            var minutes = u / 60_000_000_000UL;
            if (minutes == 0)
            {
                text = seconds;
            }
            else
            {
                var hours = minutes / 60;
                text = (hours > 0 ? $"{hours}h" : "") + $"{minutes % 60}m" + seconds;
            }
        }

        return negative ? "-" + text : text;
    }

    private static string FormatFraction(ulong value, int decimals)
    {
        var scale = (ulong)Math.Pow(10, decimals);
        var whole = value / scale;
        var fraction = (value % scale).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0').TrimEnd('0');
        return fraction.Length == 0 ? whole.ToString(CultureInfo.InvariantCulture) : $"{whole}.{fraction}";
    }

    /// <summary>time.Time.String(): 2006-01-02 15:04:05.999999999 -0700 MST (UTC shown as "+0000 UTC").</summary>
    public static string Time(DateTimeOffset time)
    {
        var fraction = (time.Ticks % TimeSpan.TicksPerSecond * 100).ToString(CultureInfo.InvariantCulture).PadLeft(9, '0').TrimEnd('0');
        var offset = time.Offset;
        var zone = offset == TimeSpan.Zero ? "UTC" : $"{(offset < TimeSpan.Zero ? '-' : '+')}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}";
        return time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            + (fraction.Length > 0 ? "." + fraction : "")
            + $" {(offset < TimeSpan.Zero ? '-' : '+')}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00} {zone}";
    }
}
