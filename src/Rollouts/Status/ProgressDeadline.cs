using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Status;

/// <summary>spec.progressDeadlineSeconds: how long a progressing rollout may go without progress.</summary>
public static class ProgressDeadline
{
    public const int DefaultSeconds = 600;

    /// <summary>Progress is any change of the revision, the step, or the updated or available replica counts.</summary>
    public static bool Progressed(RolloutStatus? before, RolloutStatus after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return before is null
            || before.CurrentPodHash != after.CurrentPodHash
            || before.CurrentStepIndex != after.CurrentStepIndex
            || before.UpdatedReplicas != after.UpdatedReplicas
            || before.AvailableReplicas != after.AvailableReplicas;
    }

    public static bool IsExceeded(DateTimeOffset? lastProgress, int? deadlineSeconds, DateTimeOffset now) =>
        lastProgress is { } last && now - last > TimeSpan.FromSeconds(deadlineSeconds ?? DefaultSeconds);
}
