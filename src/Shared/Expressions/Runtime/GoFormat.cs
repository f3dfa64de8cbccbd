using System.Globalization;
using System.Text;
using Tollgate.Shared.Formatting;

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

    /// <summary>A float as %v ('g') or as encoding/json ('j') renders it.</summary>
    public static string Float(double value, char style) => style == 'j' ? GoFloat.Json(value) : GoFloat.General(value);

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
