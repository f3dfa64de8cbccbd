namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// Issue 18's invariants of a canary, each over one stream's view: never more pods than replicas + maxSurge, never
/// fewer available than replicas - maxUnavailable (once the first deploy was fully available), the stable
/// ReplicaSet never at 0 while the canary is below that floor, and never two AnalysisRuns (two uids, even one after
/// the other) for the same step of the same pod template.
/// </summary>
public static class CanaryInvariants
{
    public static IReadOnlyList<string> OfPods(CanaryLimits limits, IReadOnlyCollection<PodView> pods)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(pods);
        var violations = new List<string>();
        var live = pods.Count(p => !p.Terminating);
        if (live > limits.Replicas + limits.MaxSurge)
        {
            violations.Add($"{live} pods exceed replicas {limits.Replicas} + maxSurge {limits.MaxSurge}");
        }

        var ready = pods.Count(p => p.Ready && !p.Terminating);
        if (limits.AvailabilityArmed && ready < limits.Replicas - limits.MaxUnavailable)
        {
            violations.Add($"{ready} available pods are fewer than replicas {limits.Replicas} - maxUnavailable {limits.MaxUnavailable}");
        }

        return violations;
    }

    /// <summary>
    /// The stable ReplicaSet never at 0 while the canary has fewer than replicas - maxUnavailable available. Argo
    /// Rollouts' basic canary (CalculateReplicaCountsForBasicCanary) scales the stable to 0 at the last step as soon as
    /// the canary's availability alone meets that floor, so "fully available", read literally, would fail Argo itself.
    /// </summary>
    /// <param name="stableHash">The stable pod template hash the update started from.</param>
    public static IReadOnlyList<string> OfReplicaSets(CanaryLimits limits, string stableHash, IReadOnlyCollection<ReplicaSetView> replicaSets)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(replicaSets);
        var stable = replicaSets.FirstOrDefault(rs => rs.Hash == stableHash);
        var othersAvailable = replicaSets.Where(rs => rs.Hash != stableHash).Sum(rs => rs.Available);
        return stable is { Replicas: 0 } && othersAvailable < limits.Replicas - limits.MaxUnavailable
            ? [$"stable ReplicaSet {stableHash} scaled to 0 while the canary has {othersAvailable} of {limits.Replicas} available (maxUnavailable {limits.MaxUnavailable})"]
            : [];
    }

    /// <summary>Whether the stable ReplicaSet is at 0 before the canary is fully available (allowed within maxUnavailable; counted, not a violation).</summary>
    public static bool StableGoneBeforeCanaryFull(CanaryLimits limits, string stableHash, IReadOnlyCollection<ReplicaSetView> replicaSets)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(replicaSets);
        return replicaSets.FirstOrDefault(rs => rs.Hash == stableHash) is { Replicas: 0 }
            && replicaSets.Where(rs => rs.Hash != stableHash).Sum(rs => rs.Available) < limits.Replicas;
    }

    /// <param name="seen">Every step run ever seen, deleted ones included.</param>
    public static IReadOnlyList<string> OfStepRuns(IReadOnlyCollection<StepRunView> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return seen
            .DistinctBy(r => r.Uid)
            .GroupBy(r => (r.Hash, r.Step))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Count()} AnalysisRuns for step {g.Key.Step} of {g.Key.Hash}")
            .ToList();
    }

    /// <summary>maxSurge or maxUnavailable (an int or a percentage of replicas) in pods, as Kubernetes resolves them.</summary>
    public static int Resolve(string? value, int replicas, bool roundUp, int fallbackPercent)
    {
        var text = string.IsNullOrEmpty(value) ? $"{fallbackPercent}%" : value;
        if (!text.EndsWith('%'))
        {
            return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }

        var percent = int.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture);
        var exact = replicas * percent / 100.0;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }
}
