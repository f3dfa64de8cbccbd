namespace Tollgate.Rollouts.Status;

/// <summary>Argo's Rollout condition types and the reasons Tollgate sets.</summary>
public static class RolloutConditionTypes
{
    public const string Progressing = "Progressing";
    public const string Available = "Available";
    public const string Paused = "Paused";
    public const string Completed = "Completed";
    public const string Healthy = "Healthy";
    public const string InvalidSpec = "InvalidSpec";

    public const string ReasonReplicaSetUpdated = "ReplicaSetUpdated";
    public const string ReasonNewReplicaSetAvailable = "NewReplicaSetAvailable";
    public const string ReasonRolloutAborted = "RolloutAborted";
    public const string ReasonRolloutPaused = "RolloutPaused";
    public const string ReasonRolloutRetry = "RolloutRetry";
    public const string ReasonAvailable = "AvailableReason";
    public const string ReasonCompleted = "RolloutCompleted";
    public const string ReasonHealthy = "RolloutHealthy";
    public const string ReasonInvalidSpec = "InvalidSpec";
    public const string ReasonProgressDeadlineExceeded = "ProgressDeadlineExceeded";

    public const string PauseReasonCanaryStep = "CanaryPauseStep";
    public const string PauseReasonInconclusive = "InconclusiveAnalysisRun";
}
