namespace Tollgate.Rollouts.Strategy;

/// <summary>Argo's rollout.argoproj.io/revision numbering and spec.revisionHistoryLimit clean-up of old ReplicaSets.</summary>
public static class RevisionHistory
{
    public const string Annotation = "rollout.argoproj.io/revision";

    public const int DefaultLimit = 10;

    /// <summary>The revision the current ReplicaSet must carry: one above every other ReplicaSet's.</summary>
    public static long Next(IEnumerable<ObservedReplicaSet> others) => (others ?? []).Select(rs => rs.Revision ?? 0).DefaultIfEmpty(0).Max() + 1;

    /// <summary>
    /// The old ReplicaSets to delete, oldest first, so that at most <paramref name="limit"/> remain; one that still has
    /// pods, is being deleted, or whose status has not caught up with its spec is kept.
    /// </summary>
    public static IReadOnlyList<string> ToDelete(IReadOnlyList<ObservedReplicaSet> old, int? limit)
    {
        ArgumentNullException.ThrowIfNull(old);
        var alive = old.Where(rs => !rs.Deleting).OrderBy(rs => rs.Created ?? DateTimeOffset.MinValue).ThenBy(rs => rs.Name, StringComparer.Ordinal).ToList();
        var excess = alive.Count - Math.Max(0, limit ?? DefaultLimit);
        return alive.Take(Math.Max(0, excess))
            .Where(rs => rs.SpecReplicas == 0 && rs.Replicas == 0 && rs.StatusObserved)
            .Select(rs => rs.Name)
            .ToList();
    }
}
