using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Strategy;

/// <summary>Argo's blue-green replica rules (NewRSNewReplicas, ReadyForPause, IsSaturated), over the stored status.</summary>
public static class BlueGreenReplicas
{
    /// <summary>
    /// The pods the new ReplicaSet should run: previewReplicaCount until promoted (or while an update is new),
    /// spec.replicas once the active Service serves it, on promote --full, or past the scale-up checkpoint.
    /// </summary>
    public static int Desired(Rollout rollout, ObservedReplicaSet newReplicaSet, IReadOnlyList<ObservedReplicaSet> all)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(newReplicaSet);
        ArgumentNullException.ThrowIfNull(all);
        var desired = rollout.Spec.Replicas ?? 1;
        if (rollout.Spec.Strategy?.BlueGreen?.PreviewReplicaCount is not { } preview)
        {
            return desired;
        }

        var status = rollout.Status ?? new RolloutStatus();
        var activeHash = status.BlueGreen?.ActiveSelector;
        var active = string.IsNullOrEmpty(activeHash) ? null : all.FirstOrDefault(rs => rs.PodHash == activeHash);
        if (active is null || active.Name == newReplicaSet.Name || status.PromoteFull == true)
        {
            return desired;
        }

        if (newReplicaSet.PodHash != status.CurrentPodHash)
        {
            return preview;
        }

        var notPaused = rollout.Spec.Paused != true && (status.PauseConditions?.Count ?? 0) == 0;
        return notPaused && status.BlueGreen?.ScaleUpPreviewCheckPoint == true ? desired : preview;
    }

    /// <summary>The new ReplicaSet runs exactly the pods it should, all available.</summary>
    public static bool ReadyForPause(Rollout rollout, ObservedReplicaSet newReplicaSet, IReadOnlyList<ObservedReplicaSet> all)
    {
        var desired = Desired(rollout, newReplicaSet, all);
        return newReplicaSet.SpecReplicas == desired && newReplicaSet.AvailableReplicas == desired;
    }

    /// <summary>The ReplicaSet runs spec.replicas pods, all available (Argo also reads its desired-replicas annotation, which Tollgate does not write).</summary>
    public static bool IsSaturated(Rollout rollout, ObservedReplicaSet? replicaSet)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var replicas = rollout.Spec.Replicas ?? 1;
        return replicaSet is not null && replicaSet.SpecReplicas == replicas && replicaSet.AvailableReplicas == replicas;
    }
}
