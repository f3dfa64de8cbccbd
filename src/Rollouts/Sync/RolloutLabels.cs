namespace Tollgate.Rollouts.Sync;

/// <summary>Labels the controller puts on the objects it creates.</summary>
public static class RolloutLabels
{
    /// <summary>Argo's label on ReplicaSets, pods, Services' selectors and AnalysisRuns: the pod template hash.</summary>
    public const string PodTemplateHash = "rollouts-pod-template-hash";

    /// <summary>Selects a rollout's pods when its spec has no selector, and finds its ReplicaSets and AnalysisRuns.</summary>
    public const string RolloutName = "rollouts.tollgate.dev/rollout";

    /// <summary>Argo's AnalysisRun labels.</summary>
    public const string RolloutType = "rollout-type";

    public const string StepIndex = "step-index";

    public const string StepRolloutType = "Step";

    public const string BackgroundRolloutType = "Background";
}
