namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// Argo's scale-down of the ReplicaSets that are neither the canary nor the stable one (a canary interrupted by a newer
/// template) for a canary without a traffic router: first their unavailable pods go, then available ones only as far as
/// spec.replicas - maxUnavailable available pods allow, newest revision first. A quick succession of pushes never costs
/// serving pods.
/// </summary>
public static class OldReplicaSetScaleDown
{
    /// <param name="specReplicas">spec.replicas.</param>
    /// <param name="maxUnavailable">maxUnavailable resolved to pods.</param>
    /// <param name="all">Every ReplicaSet of the rollout (their available pods count toward the floor).</param>
    /// <param name="old">The old ReplicaSets among them.</param>
    /// <returns>The new spec.replicas of every old ReplicaSet that changes.</returns>
    public static IReadOnlyDictionary<string, int> Plan(int specReplicas, int maxUnavailable, IReadOnlyList<ObservedReplicaSet> all, IReadOnlyList<ObservedReplicaSet> old)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(old);
        var replicas = old.ToDictionary(rs => rs.Name, rs => rs.SpecReplicas, StringComparer.Ordinal);
        foreach (var replicaSet in old.OrderBy(rs => rs.Created ?? DateTimeOffset.MinValue).ThenBy(rs => rs.Name, StringComparer.Ordinal))
        {
            if (replicaSet.SpecReplicas > 0 && replicaSet.AvailableReplicas < replicaSet.SpecReplicas)
            {
                replicas[replicaSet.Name] = replicaSet.AvailableReplicas;
            }
        }

        // Available pods above a ReplicaSet's spec are being deleted even if its status has not caught up yet; counting
        // them (as Argo does) lets two quick decisions scale down twice against the same pods.
        var available = all.Sum(rs => Math.Min(rs.AvailableReplicas, rs.SpecReplicas));
        var maxScaleDown = available - (specReplicas - maxUnavailable);
        foreach (var replicaSet in old.OrderByDescending(rs => rs.Revision ?? 0).ThenByDescending(rs => rs.Created ?? DateTimeOffset.MinValue))
        {
            if (maxScaleDown <= 0)
            {
                break;
            }

            var current = replicas[replicaSet.Name];
            if (current == 0)
            {
                continue;
            }

            var desired = current > maxScaleDown ? current - maxScaleDown : 0;
            replicas[replicaSet.Name] = desired;
            maxScaleDown -= current - desired;
        }

        return replicas.Where(pair => old.First(rs => rs.Name == pair.Key).SpecReplicas != pair.Value)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }
}
