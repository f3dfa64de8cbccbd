using System.Globalization;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// A five-field cron schedule read as Argo CD reads sync window schedules (robfig/cron v3 with minute, hour,
/// day-of-month, month and day-of-week, no descriptors, optional <c>CRON_TZ=</c>/<c>TZ=</c> prefix), and its
/// <c>Next</c>: the first whole minute strictly after a time, or null (Go's zero time) when none comes within five years.
/// </summary>
public sealed class CronSchedule
{
    private const ulong StarBit = 1UL << 63;

    private static readonly Dictionary<string, uint> MonthNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly Dictionary<string, uint> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sun"] = 0, ["mon"] = 1, ["tue"] = 2, ["wed"] = 3, ["thu"] = 4, ["fri"] = 5, ["sat"] = 6,
    };

    private readonly ulong minute;
    private readonly ulong hour;
    private readonly ulong dayOfMonth;
    private readonly ulong month;
    private readonly ulong dayOfWeek;

    private CronSchedule(ulong minute, ulong hour, ulong dayOfMonth, ulong month, ulong dayOfWeek, TimeZoneInfo? zone)
    {
        this.minute = minute;
        this.hour = hour;
        this.dayOfMonth = dayOfMonth;
        this.month = month;
        this.dayOfWeek = dayOfWeek;
        Zone = zone;
    }

    /// <summary>The <c>CRON_TZ=</c> zone, or null for the process's local zone, which Argo CD's containers run as UTC.</summary>
    public TimeZoneInfo? Zone { get; }

    public static CronSchedule? Parse(string? spec, out string? error)
    {
        spec ??= "";
        if (spec.Length == 0)
        {
            error = "empty spec string";
            return null;
        }

        TimeZoneInfo? zone = null;
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var name = space < 0 ? spec[(equals + 1)..] : spec[(equals + 1)..space];
            if (space < 0 || !TryFindZone(name, out zone))
            {
                error = $"provided bad location {name}: unknown time zone {name}";
                return null;
            }

            spec = spec[space..].Trim();
        }

        if (spec.StartsWith('@'))
        {
            error = $"parser does not accept descriptors: {spec}";
            return null;
        }

        var fields = spec.Split([' ', '\t', '\n', '\r', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            error = $"expected exactly 5 fields, found {fields.Length}: {spec}";
            return null;
        }

        ulong[] bits = new ulong[5];
        (uint Min, uint Max, Dictionary<string, uint>? Names)[] bounds = [(0, 59, null), (0, 23, null), (1, 31, null), (1, 12, MonthNames), (0, 6, DayNames)];
        for (var index = 0; index < 5; index++)
        {
            if (!TryParseField(fields[index], bounds[index].Min, bounds[index].Max, bounds[index].Names, out bits[index], out error))
            {
                return null;
            }
        }

        error = null;
        return new CronSchedule(bits[0], bits[1], bits[2], bits[3], bits[4], zone);
    }

    /// <summary>robfig/cron's <c>SpecSchedule.Next</c>, in UTC (or the <c>CRON_TZ</c> zone).</summary>
    public DateTime? Next(DateTime utc)
    {
        var zone = Zone ?? TimeZoneInfo.Utc;
        var t = zone == TimeZoneInfo.Utc ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        t = new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified).AddSeconds(1);
        var added = false;
        var yearLimit = t.Year + 5;
        while (true)
        {
            if (t.Year > yearLimit)
            {
                return null;
            }

            var wrapped = false;
            while (!Has(month, t.Month))
            {
                if (!added)
                {
                    added = true;
                    t = new DateTime(t.Year, t.Month, 1);
                }

                t = t.AddMonths(1);
                if (t.Month == 1)
                {
                    wrapped = true;
                    break;
                }
            }

            if (wrapped)
            {
                continue;
            }

            while (!DayMatches(t))
            {
                if (!added)
                {
                    added = true;
                    t = t.Date;
                }

                t = t.AddDays(1);
                if (t.Day == 1)
                {
                    wrapped = true;
                    break;
                }
            }

            if (wrapped)
            {
                continue;
            }

            while (!Has(hour, t.Hour))
            {
                if (!added)
                {
                    added = true;
                    t = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0);
                }

                t = t.AddHours(1);
                if (t.Hour == 0)
                {
                    wrapped = true;
                    break;
                }
            }

            if (wrapped)
            {
                continue;
            }

            while (!Has(minute, t.Minute))
            {
                if (!added)
                {
                    added = true;
                    t = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0);
                }

                t = t.AddMinutes(1);
                if (t.Minute == 0)
                {
                    wrapped = true;
                    break;
                }
            }

            if (wrapped)
            {
                continue;
            }

            // Seconds: only second 0 is in the schedule.
            while (t.Second != 0)
            {
                if (!added)
                {
                    added = true;
                    t = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second);
                }

                t = t.AddSeconds(1);
                if (t.Second == 0)
                {
                    wrapped = true;
                    break;
                }
            }

            if (wrapped)
            {
                continue;
            }

            return zone == TimeZoneInfo.Utc ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : TimeZoneInfo.ConvertTimeToUtc(t, zone);
        }
    }

    private bool DayMatches(DateTime t)
    {
        var dayOfMonthMatch = Has(dayOfMonth, t.Day);
        var dayOfWeekMatch = Has(dayOfWeek, (int)t.DayOfWeek);
        return (dayOfMonth & StarBit) != 0 || (dayOfWeek & StarBit) != 0
            ? dayOfMonthMatch && dayOfWeekMatch
            : dayOfMonthMatch || dayOfWeekMatch;
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    private static bool TryParseField(string field, uint min, uint max, Dictionary<string, uint>? names, out ulong bits, out string? error)
    {
        bits = 0;
        foreach (var expression in field.Split(','))
        {
            if (!TryParseRange(expression, min, max, names, out var range, out error))
            {
                return false;
            }

            bits |= range;
        }

        error = null;
        return true;
    }

    private static bool TryParseRange(string expression, uint min, uint max, Dictionary<string, uint>? names, out ulong bits, out string? error)
    {
        bits = 0;
        var rangeAndStep = expression.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        var singleDigit = lowAndHigh.Length == 1;
        uint start, end;
        ulong extra = 0;
        if (lowAndHigh[0] is "*" or "?")
        {
            (start, end, extra) = (min, max, StarBit);
        }
        else
        {
            if (!TryParseIntOrName(lowAndHigh[0], names, out start, out error))
            {
                return false;
            }

            switch (lowAndHigh.Length)
            {
                case 1:
                    end = start;
                    break;
                case 2:
                    if (!TryParseIntOrName(lowAndHigh[1], names, out end, out error))
                    {
                        return false;
                    }

                    break;
                default:
                    error = $"too many hyphens: {expression}";
                    return false;
            }
        }

        uint step;
        switch (rangeAndStep.Length)
        {
            case 1:
                step = 1;
                break;
            case 2:
                if (!TryParseInt(rangeAndStep[1], out step, out error))
                {
                    return false;
                }

                if (singleDigit)
                {
                    end = max;
                }

                if (step > 1)
                {
                    extra = 0;
                }

                break;
            default:
                error = $"too many slashes: {expression}";
                return false;
        }

        if (start < min)
        {
            error = $"beginning of range ({start}) below minimum ({min}): {expression}";
            return false;
        }

        if (end > max)
        {
            error = $"end of range ({end}) above maximum ({max}): {expression}";
            return false;
        }

        if (start > end)
        {
            error = $"beginning of range ({start}) beyond end of range ({end}): {expression}";
            return false;
        }

        if (step == 0)
        {
            error = $"step of range should be a positive number: {expression}";
            return false;
        }

        for (var value = start; value <= end; value += step)
        {
            bits |= 1UL << (int)value;
        }

        bits |= extra;
        error = null;
        return true;
    }

    private static bool TryParseIntOrName(string text, Dictionary<string, uint>? names, out uint value, out string? error)
    {
        if (names is not null && names.TryGetValue(text, out value))
        {
            error = null;
            return true;
        }

        return TryParseInt(text, out value, out error);
    }

    private static bool TryParseInt(string text, out uint value, out string? error)
    {
        value = 0;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            error = $"failed to parse int from {text}: strconv.Atoi: parsing \"{text}\": invalid syntax";
            return false;
        }

        if (number < 0)
        {
            error = $"negative number ({number}) not allowed: {text}";
            return false;
        }

        value = number > 63 ? 64 : (uint)number;
        error = null;
        return true;
    }

    private static bool TryFindZone(string name, out TimeZoneInfo? zone)
    {
        try
        {
            zone = name is "" or "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(name);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }
}
