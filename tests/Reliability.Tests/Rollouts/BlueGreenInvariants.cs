namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// Argo Rollouts' blue-green promise, checked over the whole history of a run: the active Service only ever selects a
/// ReplicaSet with all its pods available (Argo switches it once the new ReplicaSet is fully available, and keeps the
/// old one at full size until the switch is done and the scale-down delay has passed). The histories come from
/// separate watch streams; each state carries the resourceVersion of the write that made it, and on one etcd those
/// are one increasing sequence, so "what the ReplicaSet was while the Service selected it" is exact, whatever order
/// the streams delivered them in.
/// </summary>
public static class BlueGreenInvariants
{
    /// <param name="armedAt">A resourceVersion read once the first deploy was fully available; earlier states are not checked.</param>
    /// <param name="active">Every state of the active Service seen.</param>
    /// <param name="replicaSets">Every state of every ReplicaSet seen.</param>
    public static IReadOnlyList<string> OfActiveService(long armedAt, IReadOnlyCollection<ServiceState> active, IReadOnlyCollection<ReplicaSetState> replicaSets)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(replicaSets);
        var violations = new List<string>();
        var states = active.DistinctBy(s => s.Version).OrderBy(s => s.Version).ToList();
        var byHash = replicaSets.DistinctBy(r => (r.Hash, r.Version)).GroupBy(r => r.Hash)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Version).ToList(), StringComparer.Ordinal);
        for (var i = 0; i < states.Count; i++)
        {
            var end = i + 1 < states.Count ? states[i + 1].Version : long.MaxValue;
            if (end <= armedAt)
            {
                continue;
            }

            var from = Math.Max(states[i].Version, armedAt);
            if (states[i].Hash is not { } hash)
            {
                violations.Add($"active Service selects no ReplicaSet (resourceVersion {states[i].Version})");
                continue;
            }

            var history = byHash.GetValueOrDefault(hash) ?? [];
            var atStart = history.LastOrDefault(r => r.Version <= from);
            if (atStart is null)
            {
                violations.Add($"active Service selects {hash} (resourceVersion {states[i].Version}), of which no ReplicaSet was seen");
                continue;
            }

            foreach (var state in history.Where(r => r.Version >= atStart.Version && r.Version < end).Where(r => !r.FullyAvailable))
            {
                violations.Add(
                    $"active Service selects {hash} (resourceVersion {states[i].Version}) while it has {state.Available} of {state.Replicas} available (resourceVersion {state.Version})");
            }
        }

        return violations;
    }
}
