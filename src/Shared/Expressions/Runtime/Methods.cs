namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>The methods of Go's time.Time and time.Duration that expr exposes on dates and durations.</summary>
internal static class Methods
{
    public static object? Call(object? target, string name, object?[] arguments)
    {
        object? result = (target, name, arguments.Length) switch
        {
            (DateTimeOffset t, "Year", 0) => (long)t.Year,
            (DateTimeOffset t, "Month", 0) => (long)t.Month,
            (DateTimeOffset t, "Day", 0) => (long)t.Day,
            (DateTimeOffset t, "Hour", 0) => (long)t.Hour,
            (DateTimeOffset t, "Minute", 0) => (long)t.Minute,
            (DateTimeOffset t, "Second", 0) => (long)t.Second,
            (DateTimeOffset t, "Nanosecond", 0) => t.Ticks % TimeSpan.TicksPerSecond * 100,
            (DateTimeOffset t, "Weekday", 0) => (long)t.DayOfWeek,
            (DateTimeOffset t, "YearDay", 0) => (long)t.DayOfYear,
            (DateTimeOffset t, "Unix", 0) => t.ToUnixTimeSeconds(),
            (DateTimeOffset t, "UnixMilli", 0) => t.ToUnixTimeMilliseconds(),
            (DateTimeOffset t, "UTC", 0) => t.ToUniversalTime(),
            (DateTimeOffset t, "IsZero", 0) => t.UtcDateTime == DateTime.MinValue,
            (DateTimeOffset t, "String", 0) => GoFormat.Time(t),
            (DateTimeOffset t, "Format", 1) => GoTime.Format(t, Values.AsString(arguments[0], "Format")),
            (DateTimeOffset t, "In", 1) => arguments[0] is TimeZoneInfo zone ? TimeZoneInfo.ConvertTime(t, zone) : null,
            (DateTimeOffset t, "Add", 1) => arguments[0] is TimeSpan d ? t + d : null,
            (DateTimeOffset t, "Sub", 1) => arguments[0] is DateTimeOffset other ? t - other : null,
            (DateTimeOffset t, "Before", 1) => arguments[0] is DateTimeOffset other ? t < other : null,
            (DateTimeOffset t, "After", 1) => arguments[0] is DateTimeOffset other ? t > other : null,
            (DateTimeOffset t, "Equal", 1) => arguments[0] is DateTimeOffset other ? t == other : null,
            (TimeSpan d, "Hours", 0) => d.Ticks / (double)TimeSpan.TicksPerHour,
            (TimeSpan d, "Minutes", 0) => d.Ticks / (double)TimeSpan.TicksPerMinute,
            (TimeSpan d, "Seconds", 0) => d.Ticks / (double)TimeSpan.TicksPerSecond,
            (TimeSpan d, "Milliseconds", 0) => d.Ticks / TimeSpan.TicksPerMillisecond,
            (TimeSpan d, "Microseconds", 0) => d.Ticks / TimeSpan.TicksPerMicrosecond,
            (TimeSpan d, "Nanoseconds", 0) => d.Ticks * 100,
            (TimeSpan d, "String", 0) => GoFormat.Duration(d),
            (TimeSpan d, "Abs", 0) => d.Duration(),
            (TimeZoneInfo z, "String", 0) => z.Id,
            _ => null,
        };

        return result ?? throw new EvaluationError(target is DateTimeOffset or TimeSpan or TimeZoneInfo
            ? $"cannot call {name} with {arguments.Length} argument(s) on {Values.GoType(target)}"
            : $"cannot fetch {name} from {Values.GoType(target)}");
    }
}
