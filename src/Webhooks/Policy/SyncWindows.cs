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
        var matching = windows.Where(window => window.Matches(applicationName, destinationServer, destinationName, destinationNamespace)).ToList();
        if (matching.Count == 0)
        {
            return null;
        }

        if (matching.FirstOrDefault(window => window.Error is not null) is { } invalid)
        {
            return new SyncWindowBlock(invalid, $"cannot sync: invalid sync window: {invalid.Describe()}: {invalid.Error}");
        }

        var active = matching.Select(window => (Window: window, Until: window.ActiveUntil(now))).Where(pair => pair.Until is not null).ToList();
        var activeDenies = active.Where(pair => pair.Window.Kind == "deny").ToList();
        if (activeDenies.Count > 0)
        {
            if (activeDenies.TrueForAll(pair => pair.Window.ManualSync))
            {
                return null;
            }

            var (window, until) = activeDenies.First(pair => !pair.Window.ManualSync);
            return new SyncWindowBlock(window, $"cannot sync: blocked by sync window: {window.Describe()} is active {Until(until!.Value)} and does not allow manual syncs");
        }

        if (active.Exists(pair => pair.Window.Kind == "allow"))
        {
            return null;
        }

        var inactiveAllows = matching.Where(window => window.Kind == "allow").ToList();
        if (inactiveAllows.Count == 0 || inactiveAllows.TrueForAll(window => window.ManualSync))
        {
            return null;
        }

        var blocking = inactiveAllows.First(window => !window.ManualSync);
        var opens = inactiveAllows.Select(window => window.NextStart(now)).Where(next => next is not null).Min();
        return new SyncWindowBlock(
            blocking,
            $"cannot sync: blocked by sync window: no allow window is active and {blocking.Describe()} does not allow manual syncs; " +
            (opens is { } next ? $"the next allow window opens at {Format(next)}" : "no allow window opens within five years"));
    }

    private static string Until(DateTime until) => until == DateTime.MaxValue ? "with no end (its schedule never fires)" : $"until {Format(until)}";

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
