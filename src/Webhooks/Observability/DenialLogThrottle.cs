namespace Tollgate.Webhooks.Observability;

/// <summary>
/// Decides which denials reach the log: the first of identical ones (<see cref="DenialKey"/>) within a window is logged,
/// the rest of that window only counted, and the count is told with the next one logged. A script retrying a refused
/// change in a loop can then neither flood the log nor slow the server down (writing the log line was most of a denied
/// request's cost); the decision metric still counts every denial, and the API server's audit log has every request.
/// </summary>
public sealed class DenialLogThrottle(TimeSpan window, TimeProvider time, int capacity = DenialLogThrottle.DefaultCapacity)
{
    public const int DefaultCapacity = 4096;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(10);

    private readonly Dictionary<DenialKey, Window> windows = [];
    private readonly Lock gate = new();

    /// <returns>Whether to log this denial, and how many identical ones were left out since the last line.</returns>
    public (bool Log, int Suppressed) Admit(DenialKey key) => Admit(key, time.GetUtcNow());

    public (bool Log, int Suppressed) Admit(DenialKey key, DateTimeOffset now)
    {
        lock (gate)
        {
            if (windows.TryGetValue(key, out var open) && now < open.Start + window)
            {
                windows[key] = open with { Suppressed = open.Suppressed + 1 };
                return (false, 0);
            }

            if (windows.Count >= capacity && !windows.ContainsKey(key))
            {
                Prune(now);
            }

            windows[key] = new Window(now, 0);
            return (true, open?.Suppressed ?? 0);
        }
    }

    public int Tracked
    {
        get
        {
            lock (gate)
            {
                return windows.Count;
            }
        }
    }

    /// <summary>Closed windows with nothing left out can go; if every window is still open, all go (counts are lost, never lines).</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, open) in windows)
        {
            if (now >= open.Start + window && open.Suppressed == 0)
            {
                windows.Remove(key);
            }
        }

        if (windows.Count >= capacity)
        {
            windows.Clear();
        }
    }

    private sealed record Window(DateTimeOffset Start, int Suppressed);
}
