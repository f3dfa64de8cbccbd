using System.Globalization;
using System.Text;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>Go's time.ParseDuration, time.Parse/ParseInLocation and Time.Format with Go reference layouts.</summary>
internal static class GoTime
{
    private static readonly string[] DefaultLayouts =
    [
        "2006-01-02",
        "15:04:05",
        "2006-01-02 15:04:05",
        "2006-01-02T15:04:05Z07:00",
        "02 Jan 06 15:04 MST",
        "Monday, 02-Jan-06 15:04:05 MST",
        "Mon, 02 Jan 2006 15:04:05 MST",
    ];

    private static readonly string[] Chunks =
    [
        "January", "Jan", "Monday", "Mon", "MST", "2006", "-07:00:00", "-070000", "-07:00", "-0700", "-07",
        "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07", "002", "01", "02", "03", "04", "05", "06", "15", "_2", "PM", "pm", "1", "2", "3", "4", "5",
    ];

    public static TimeSpan ParseDuration(string text)
    {
        var original = text;
        if (text.Length == 0)
        {
            throw new EvaluationError($"time: invalid duration {GoStrconv.Quote(original)}");
        }

        var negative = text[0] == '-';
        if (text[0] is '-' or '+')
        {
            text = text[1..];
        }

        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        if (text.Length == 0)
        {
            throw new EvaluationError($"time: invalid duration {GoStrconv.Quote(original)}");
        }

        decimal nanos = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            var number = text[start..i];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1)
            {
                throw new EvaluationError($"time: invalid duration {GoStrconv.Quote(original)}");
            }

            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.')
            {
                i++;
            }

            var unit = text[unitStart..i];
            if (unit.Length == 0)
            {
                throw new EvaluationError($"time: missing unit in duration {GoStrconv.Quote(original)}");
            }

            decimal scale = unit switch
            {
                "ns" => 1m,
                "us" or "µs" or "μs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => throw new EvaluationError($"time: unknown unit {GoStrconv.Quote(unit)} in duration {GoStrconv.Quote(original)}"),
            };
            nanos += decimal.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * scale;
            if (nanos > long.MaxValue)
            {
                throw new EvaluationError($"time: invalid duration {GoStrconv.Quote(original)}");
            }
        }

        var ticks = (long)(nanos / 100);
        return TimeSpan.FromTicks(negative ? -ticks : ticks);
    }

    public static TimeZoneInfo Zone(string name)
    {
        if (name is "" or "UTC")
        {
            return TimeZoneInfo.Utc;
        }

        if (name == "Local")
        {
            return TimeZoneInfo.Local;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new EvaluationError($"unknown time zone {name}");
        }
    }

    /// <summary>expr's date(value[, layout[, timezone]]), optionally preceded by a *time.Location.</summary>
    public static DateTimeOffset Date(object?[] arguments)
    {
        var zone = arguments[0] as TimeZoneInfo;
        var rest = zone is null ? arguments : arguments[1..];
        if (rest.Length is 0 or > 3)
        {
            throw new EvaluationError($"invalid number of arguments (expected at most 3, got {rest.Length})");
        }

        var text = Values.AsString(rest[0], "date");
        if (rest.Length >= 2)
        {
            var layout = Values.AsString(rest[1], "date");
            if (rest.Length == 3)
            {
                zone = Zone(Values.AsString(rest[2], "date"));
            }

            return Parse(layout, text, zone) ?? throw new EvaluationError($"parsing time {GoStrconv.Quote(text)} as {GoStrconv.Quote(layout)}: cannot parse");
        }

        foreach (var layout in DefaultLayouts)
        {
            if (Parse(layout, text, zone) is { } parsed)
            {
                return parsed;
            }
        }

        throw new EvaluationError($"invalid date {text}");
    }

    private static List<string> Tokenize(string layout)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < layout.Length)
        {
            if (layout[i] is '.' or ',' && i + 1 < layout.Length && layout[i + 1] is '0' or '9')
            {
                var end = i + 1;
                while (end < layout.Length && layout[end] == layout[i + 1])
                {
                    end++;
                }

                if (end >= layout.Length || !char.IsAsciiDigit(layout[end]))
                {
                    tokens.Add(layout[i..end]);
                    i = end;
                    continue;
                }
            }

            var chunk = Chunks.FirstOrDefault(c => string.CompareOrdinal(layout, i, c, 0, c.Length) == 0);
            if (chunk is not null)
            {
                tokens.Add(chunk);
                i += chunk.Length;
            }
            else
            {
                tokens.Add(layout[i].ToString());
                i++;
            }
        }

        return tokens;
    }

    private static DateTimeOffset? Parse(string layout, string text, TimeZoneInfo? zone)
    {
        int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        bool? pm = null;
        TimeSpan? offset = null;
        var i = 0;
        bool Number(int min, int max, out int value)
        {
            var start = i;
            while (i < text.Length && i - start < max && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            value = 0;
            return i - start >= min && int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        bool Name(string[] names, out int index)
        {
            for (index = 0; index < names.Length; index++)
            {
                if (string.Compare(text, i, names[index], 0, names[index].Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    i += names[index].Length;
                    return true;
                }
            }

            return false;
        }

        var culture = CultureInfo.InvariantCulture.DateTimeFormat;
        foreach (var token in Tokenize(layout))
        {
            var ok = true;
            switch (token)
            {
                case "2006": ok = Number(4, 4, out year); break;
                case "06": ok = Number(2, 2, out year); year += year >= 69 ? 1900 : 2000; break;
                case "01": ok = Number(2, 2, out month); break;
                case "1": ok = Number(1, 2, out month); break;
                case "January": ok = Name(culture.MonthNames[..12], out month); month++; break;
                case "Jan": ok = Name(culture.AbbreviatedMonthNames[..12], out month); month++; break;
                case "Monday": ok = Name(culture.DayNames, out _); break;
                case "Mon": ok = Name(culture.AbbreviatedDayNames, out _); break;
                case "02": ok = Number(2, 2, out day); break;
                case "_2":
                    if (i < text.Length && text[i] == ' ')
                    {
                        i++;
                    }

                    ok = Number(1, 2, out day);
                    break;
                case "2": ok = Number(1, 2, out day); break;
                case "15": ok = Number(1, 2, out hour); break;
                case "03": ok = Number(2, 2, out hour); break;
                case "3": ok = Number(1, 2, out hour); break;
                case "04": ok = Number(2, 2, out minute); break;
                case "4": ok = Number(1, 2, out minute); break;
                case "05": ok = Number(2, 2, out second); break;
                case "5": ok = Number(1, 2, out second); break;
                case "PM" or "pm":
                    ok = i + 2 <= text.Length && text.Substring(i, 2).ToUpperInvariant() is "AM" or "PM";
                    if (ok)
                    {
                        pm = text.Substring(i, 2).Equals("PM", StringComparison.OrdinalIgnoreCase);
                        i += 2;
                    }

                    break;
                case "MST":
                    {
                        var start = i;
                        while (i < text.Length && char.IsAsciiLetterUpper(text[i]))
                        {
                            i++;
                        }

                        ok = i - start >= 3;
                        if (ok && text[start..i] == "UTC")
                        {
                            offset ??= TimeSpan.Zero;
                        }

                        break;
                    }

                case var zoneToken when zoneToken.StartsWith("-07", StringComparison.Ordinal) || zoneToken.StartsWith("Z07", StringComparison.Ordinal):
                    if (zoneToken[0] == 'Z' && i < text.Length && text[i] == 'Z')
                    {
                        i++;
                        offset = TimeSpan.Zero;
                        break;
                    }

                    ok = i < text.Length && text[i] is '+' or '-';
                    if (ok)
                    {
                        var sign = text[i] == '-' ? -1 : 1;
                        i++;
                        ok = Number(2, 2, out var hours);
                        var minutes = 0;
                        if (ok && zoneToken.Length > 3)
                        {
                            if (zoneToken.Contains(':', StringComparison.Ordinal))
                            {
                                ok = i < text.Length && text[i] == ':';
                                i++;
                            }

                            ok = ok && Number(2, 2, out minutes);
                        }

                        offset = sign * new TimeSpan(hours, minutes, 0);
                    }

                    break;
                case var fraction when fraction.Length > 1 && fraction[0] is '.' or ',':
                    ok = i < text.Length && text[i] is '.' or ',';
                    if (ok)
                    {
                        i++;
                        var start = i;
                        while (i < text.Length && char.IsAsciiDigit(text[i]))
                        {
                            i++;
                        }

                        var digits = text[start..i].PadRight(7, '0')[..7];
                        ok = (fraction[1] == '9' || i - start == fraction.Length - 1) && long.TryParse(digits, CultureInfo.InvariantCulture, out fractionTicks);
                    }

                    break;
                default:
                    ok = string.CompareOrdinal(text, i, token, 0, token.Length) == 0;
                    i += token.Length;
                    break;
            }

            if (!ok)
            {
                return null;
            }

            // Go accepts fractional seconds after seconds even when the layout does not mention them.
            if (token is "05" or "5" && i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                var start = ++i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                fractionTicks = long.Parse(text[start..i].PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
            }
        }

        if (i != text.Length || month is < 1 or > 12 || hour > 23 || minute > 59 || second > 59 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month))
        {
            return null;
        }

        if (pm is { } afternoon)
        {
            hour = (hour % 12) + (afternoon ? 12 : 0);
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        return offset is { } fixedOffset
            ? new DateTimeOffset(local, fixedOffset)
            : new DateTimeOffset(local, (zone ?? TimeZoneInfo.Utc).GetUtcOffset(local));
    }

    public static string Format(DateTimeOffset time, string layout)
    {
        var builder = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        foreach (var token in Tokenize(layout))
        {
            builder.Append(token switch
            {
                "2006" => time.Year.ToString("0000", culture),
                "06" => (time.Year % 100).ToString("00", culture),
                "01" => time.Month.ToString("00", culture),
                "1" => time.Month.ToString(culture),
                "January" => time.ToString("MMMM", culture),
                "Jan" => time.ToString("MMM", culture),
                "Monday" => time.ToString("dddd", culture),
                "Mon" => time.ToString("ddd", culture),
                "02" => time.Day.ToString("00", culture),
                "_2" => time.Day.ToString(culture).PadLeft(2),
                "2" => time.Day.ToString(culture),
                "002" => time.DayOfYear.ToString("000", culture),
                "15" => time.Hour.ToString("00", culture),
                "03" => (time.Hour % 12 == 0 ? 12 : time.Hour % 12).ToString("00", culture),
                "3" => (time.Hour % 12 == 0 ? 12 : time.Hour % 12).ToString(culture),
                "04" => time.Minute.ToString("00", culture),
                "4" => time.Minute.ToString(culture),
                "05" => time.Second.ToString("00", culture),
                "5" => time.Second.ToString(culture),
                "PM" => time.Hour >= 12 ? "PM" : "AM",
                "pm" => time.Hour >= 12 ? "pm" : "am",
                "MST" => time.Offset == TimeSpan.Zero ? "UTC" : FormatOffset(time.Offset, "-0700"),
                var zoneToken when zoneToken[0] == 'Z' && zoneToken.StartsWith("Z07", StringComparison.Ordinal) && time.Offset == TimeSpan.Zero => "Z",
                var zoneToken when zoneToken.StartsWith("-07", StringComparison.Ordinal) || zoneToken.StartsWith("Z07", StringComparison.Ordinal) => FormatOffset(time.Offset, zoneToken),
                var fraction when fraction.Length > 1 && fraction[0] is '.' or ',' => FormatFraction(time, fraction),
                _ => token,
            });
        }

        return builder.ToString();
    }

    private static string FormatOffset(TimeSpan offset, string token)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var hours = Math.Abs(offset.Hours).ToString("00", CultureInfo.InvariantCulture);
        var minutes = Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
        return token.TrimStart('Z', '-') switch
        {
            "07" => sign + hours,
            "07:00" or "07:00:00" => $"{sign}{hours}:{minutes}",
            _ => sign + hours + minutes,
        };
    }

    private static string FormatFraction(DateTimeOffset time, string fraction)
    {
        var digits = ((time.Ticks % TimeSpan.TicksPerSecond) * 100).ToString("000000000", CultureInfo.InvariantCulture)[..Math.Min(9, fraction.Length - 1)];
        if (fraction[1] == '9')
        {
            digits = digits.TrimEnd('0');
            return digits.Length == 0 ? "" : fraction[0] + digits;
        }

        return fraction[0] + digits;
    }
}
