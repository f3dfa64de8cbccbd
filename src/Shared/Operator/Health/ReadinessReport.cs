namespace Tollgate.Shared.Operator.Health;

/// <summary>Whether the operator may receive traffic, and why not.</summary>
public sealed record ReadinessReport(bool IsReady, IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// Pure decision: ready once every informer holds its first list and, when leader election is on, the elector runs
    /// (leading or standing by: a stand-by replica is healthy, just idle).
    /// </summary>
    public static ReadinessReport Evaluate(
        IEnumerable<(string Informer, bool Synced)> informers, bool leaderElectionEnabled, bool electorRunning)
    {
        ArgumentNullException.ThrowIfNull(informers);
        var reasons = informers.Where(i => !i.Synced).Select(i => $"informer not synced: {i.Informer}").ToList();
        if (leaderElectionEnabled && !electorRunning)
        {
            reasons.Add("leader election not running");
        }

        return new ReadinessReport(reasons.Count == 0, reasons);
    }
}
