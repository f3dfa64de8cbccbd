using System.Globalization;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// Pure: Argo CD's <c>SyncWindows.Matches(app).CanSync(isManual: true, nil)</c>, which its sync API asks before a manual
/// sync: among the windows that apply to the application, an invalid one refuses (it never opens anything); an active
/// deny window refuses unless every active deny window has <c>manualSync</c>; otherwise an active allow window allows;
/// otherwise inactive allow windows refuse unless every one has <c>manualSync</c>.
/// </summary>
public static class SyncWindows
{
    public static SyncWindowBlock? CheckManualSync(
        IReadOnlyList<SyncWindow> windows, string applicationName, string? destinationServer, string? destinationName, string? destinationNamespace, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(windows);
        // Asked on every sync request: loops over the few windows, without a list per step.
        Span<bool> matching = windows.Count <= 64 ? stackalloc bool[windows.Count] : new bool[windows.Count];
        var anyMatching = false;
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            if (!window.Matches(applicationName, destinationServer, destinationName, destinationNamespace))
            {
                continue;
            }

            if (window.Error is not null)
            {
                return new SyncWindowBlock(window, $"cannot sync: invalid sync window: {window.Describe()}: {window.Error}");
            }

            matching[i] = anyMatching = true;
        }

        if (!anyMatching)
        {
            return null;
        }

        var (activeDeny, activeAllow) = (false, false);
        (SyncWindow Window, DateTime Until)? refusingDeny = null;
        for (var i = 0; i < windows.Count; i++)
        {
            if (!matching[i] || windows[i].ActiveUntil(now) is not { } until)
            {
                continue;
            }

            var window = windows[i];
            if (window.Kind == "deny")
            {
                activeDeny = true;
                refusingDeny ??= window.ManualSync ? null : (window, until);
            }
            else if (window.Kind == "allow")
            {
                activeAllow = true;
            }
        }

        if (activeDeny)
        {
            return refusingDeny is { } deny
                ? new SyncWindowBlock(deny.Window, $"cannot sync: blocked by sync window: {deny.Window.Describe()} is active {Until(deny.Until)} and does not allow manual syncs")
                : null;
        }

        if (activeAllow)
        {
            return null;
        }

        // No allow window is active: the matching allows are all inactive.
        SyncWindow? blocking = null;
        DateTime? opens = null;
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            if (!matching[i] || window.Kind != "allow")
            {
                continue;
            }

            blocking ??= window.ManualSync ? null : window;
            if (window.NextStart(now) is { } next && (opens is null || next < opens))
            {
                opens = next;
            }
        }

        return blocking is null
            ? null
            : new SyncWindowBlock(
                blocking,
                $"cannot sync: blocked by sync window: no allow window is active and {blocking.Describe()} does not allow manual syncs; " +
                (opens is { } at ? $"the next allow window opens at {Format(at)}" : "no allow window opens within five years"));
    }

    private static string Until(DateTime until) => until == DateTime.MaxValue ? "with no end (its schedule never fires)" : $"until {Format(until)}";

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
