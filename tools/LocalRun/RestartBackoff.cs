namespace Tollgate.LocalRun;

/// <summary>
/// Pure: how long `make run` waits before restarting a process that died, the way a kubelet backs off a crash loop
/// (doubling from a base to a cap, forgiven after a stable run), scaled down to a laptop: 1 s doubling to 30 s,
/// forgiven after 60 s up. The kubelet's own figures (10 s to 5 min, forgiven after 10 min) would hide a demo.
/// </summary>
public static class RestartBackoff
{
    public static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    /// <param name="recentRestarts">Restarts since the process last ran for <see cref="StableAfter"/>, this one excluded.</param>
    public static TimeSpan Delay(int recentRestarts) =>
        recentRestarts >= 5 ? Cap : TimeSpan.FromTicks(Math.Min(Cap.Ticks, Base.Ticks << Math.Max(0, recentRestarts)));

    /// <summary>The restart count to carry on with after a run of <paramref name="uptime"/>.</summary>
    public static int RecentRestarts(int previous, TimeSpan uptime) => uptime >= StableAfter ? 0 : previous;
}
