namespace Tollgate.Rollouts.Strategy;

/// <summary>What the state machine reads of one AnalysisRun the rollout owns.</summary>
/// <param name="Name">metadata.name.</param>
/// <param name="PodHash">The rollouts-pod-template-hash label: the revision it measures.</param>
/// <param name="RolloutType">The rollout-type label: Step or Background.</param>
/// <param name="StepIndex">The step-index label of a step run.</param>
/// <param name="Phase">status.phase; empty while the run has not started.</param>
/// <param name="Message">status.message.</param>
/// <param name="TerminateRequested">spec.terminate is set.</param>
/// <param name="Created">metadata.creationTimestamp, to keep the newest runs of the history.</param>
public sealed record ObservedAnalysisRun(
    string Name,
    string PodHash,
    string RolloutType,
    int? StepIndex,
    string Phase,
    string? Message = null,
    bool TerminateRequested = false,
    DateTimeOffset? Created = null)
{
    public bool IsCompleted => Phase is "Successful" or "Failed" or "Error" or "Inconclusive";
}
