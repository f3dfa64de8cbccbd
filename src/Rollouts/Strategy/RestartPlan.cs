using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// spec.restartAt as Argo's pod restarter does it: pods created before it are deleted while the live, available pods
/// (those being deleted do not count) stay at or above max(spec.replicas, pods wanted) - max(maxUnavailable, 1).
/// </summary>
public static class RestartPlan
{
    public static bool IsPending(RolloutSpec spec, RolloutStatus? status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.RestartAt is { } restartAt && restartAt <= now && (status?.RestartedAt is not { } restarted || restarted < restartAt);
    }

    /// <returns>The pods to delete now, and whether that deletes the last old pods (restartedAt can be set).</returns>
    public static (IReadOnlyList<string> Evict, bool Done) Plan(IReadOnlyList<ObservedPod> pods, DateTimeOffset restartAt, int specReplicas, int wantedReplicas, int maxUnavailable)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var available = pods.Count(p => p.Available && !p.Deleting);
        var canRestart = available - (Math.Max(specReplicas, wantedReplicas) - Math.Max(maxUnavailable, 1));
        var evict = new List<string>();
        var needRestart = 0;
        foreach (var pod in pods.OrderBy(p => p.Created).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            if (pod.Created >= restartAt)
            {
                continue;
            }

            needRestart++;
            if (canRestart <= 0 || pod.Deleting)
            {
                continue;
            }

            evict.Add(pod.Name);
            canRestart--;
        }

        // As Argo: done once every old pod has been asked to go in this or an earlier pass.
        return (evict, needRestart - evict.Count == 0);
    }
}
