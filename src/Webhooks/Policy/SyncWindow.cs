using System.Text.Json;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// One of an AppProject's <c>syncWindows</c>, compiled: which applications it applies to (Argo CD's
/// <c>SyncWindows.Matches</c>) and whether it is active at an instant (Argo CD's <c>active</c>: the schedule fired within
/// the last <c>duration</c>, the schedule read in UTC shifted by the time zone's current offset). A window whose
/// schedule or duration does not parse carries <see cref="Error"/>: Argo CD then refuses every sync of the project's
/// matching applications.
/// </summary>
public sealed class SyncWindow
{
    private readonly GlobPattern[] applications;
    private readonly GlobPattern[] namespaces;
    private readonly GlobPattern[] clusters;
    private readonly CronSchedule? schedule;
    private readonly TimeSpan duration;

    private SyncWindow(JsonElement window, int index)
    {
        Index = index;
        Kind = Text(window, "kind");
        Schedule = Text(window, "schedule");
        Duration = Text(window, "duration");
        TimeZone = Text(window, "timeZone");
        ManualSync = window.TryGetProperty("manualSync", out var manual) && manual.ValueKind == JsonValueKind.True;
        UseAndOperator = window.TryGetProperty("andOperator", out var and) && and.ValueKind == JsonValueKind.True;
        applications = Globs(window, "applications");
        namespaces = Globs(window, "namespaces");
        clusters = Globs(window, "clusters");
        schedule = CronSchedule.Parse(Schedule, out var scheduleError);
        if (scheduleError is not null)
        {
            Error = $"cannot parse schedule '{Schedule}': {scheduleError}";
        }
        else if (!TryParseGoDuration(Duration, out duration))
        {
            Error = $"cannot parse duration '{Duration}': time: invalid duration \"{Duration}\"";
        }

        Zone = FindZone(TimeZone);
    }

    public int Index { get; }

    public string Kind { get; }

    public string Schedule { get; }

    public string Duration { get; }

    public string TimeZone { get; }

    public bool ManualSync { get; }

    public bool UseAndOperator { get; }

    /// <summary>Why the schedule or duration does not parse, or null.</summary>
    public string? Error { get; }

    /// <summary>The window's time zone; UTC when unknown, as Argo CD falls back (it logs a warning).</summary>
    public TimeZoneInfo Zone { get; }

    public bool HasUnknownTimeZone => TimeZone.Length > 0 && TimeZone != "UTC" && Zone == TimeZoneInfo.Utc;

    public string Describe() =>
        $"{Kind} window #{Index} (schedule '{Schedule}', duration {Duration}, timeZone {(TimeZone.Length == 0 ? "UTC" : TimeZone)})";

    public static IReadOnlyList<SyncWindow> Compile(JsonElement? windows) =>
        windows is { ValueKind: JsonValueKind.Array } list
            ? [.. list.EnumerateArray().Select((window, index) => (window, index)).Where(pair => pair.window.ValueKind == JsonValueKind.Object).Select(pair => new SyncWindow(pair.window, pair.index))]
            : [];

    /// <summary>Argo CD's <c>SyncWindows.Matches</c> for one window: applications, then clusters, then namespaces, OR by default.</summary>
    public bool Matches(string applicationName, string? destinationServer, string? destinationName, string? destinationNamespace)
    {
        var matched = false;
        var isSet = false;
        if (applications.Length > 0)
        {
            isSet = true;
            matched = AnyMatch(applications, applicationName);
        }

        if (UseAndOperator && !matched && isSet)
        {
            return false;
        }

        if (!UseAndOperator && matched)
        {
            return true;
        }

        if (clusters.Length > 0)
        {
            isSet = true;
            matched = (!string.IsNullOrEmpty(destinationName) && AnyMatch(clusters, destinationName))
                || (!string.IsNullOrEmpty(destinationServer) && AnyMatch(clusters, destinationServer));
        }

        if (isSet && UseAndOperator && !matched)
        {
            return false;
        }

        if (!UseAndOperator && matched)
        {
            return true;
        }

        if (namespaces.Length > 0)
        {
            matched = AnyMatch(namespaces, destinationNamespace ?? "");
        }

        return matched;
    }

    // A loop, not Array.Exists with a capturing lambda: this runs for every sync request and should allocate nothing.
    private static bool AnyMatch(GlobPattern[] globs, string value)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>When the window is active at <paramref name="now"/>: when it ends; otherwise null. Only for a valid window.</summary>
    public DateTime? ActiveUntil(DateTime now)
    {
        var offset = Zone.GetUtcOffset(now);
        var start = schedule!.Next(now + offset - duration);
        if (start is null)
        {
            // Go's zero time is before every instant: a schedule that never fires counts as active, with no known end.
            return DateTime.MaxValue;
        }

        return start.Value < now + offset ? start.Value + duration - offset : null;
    }

    /// <summary>When the window next opens after <paramref name="now"/>, or null when it never does.</summary>
    public DateTime? NextStart(DateTime now)
    {
        var offset = Zone.GetUtcOffset(now);
        return schedule!.Next(now + offset) is { } next ? next - offset : null;
    }

    /// <summary>Go's <c>time.ParseDuration</c>: a sign, then decimal numbers each with a unit; "0" alone needs none.</summary>
    public static bool TryParseGoDuration(string text, out TimeSpan duration)
    {
        var parsed = Tollgate.Shared.Durations.GoDuration.TryParse(text, out var value, out _);
        duration = parsed ? value.ToTimeSpan() : TimeSpan.Zero;
        return parsed;
    }

    private static string Text(JsonElement window, string name) =>
        window.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static GlobPattern[] Globs(JsonElement window, string name) =>
        window.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(item => GlobPattern.Compile(item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : ""))]
            : [];

    private static TimeZoneInfo FindZone(string name)
    {
        if (name is "" or "UTC")
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
