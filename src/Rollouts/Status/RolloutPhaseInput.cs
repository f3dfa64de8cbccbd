namespace Tollgate.Rollouts.Status;

/// <summary>The parts of a Rollout's spec and status that decide its phase.</summary>
/// <param name="SpecReplicas">spec.replicas.</param>
/// <param name="Replicas">status.replicas: pods of every ReplicaSet.</param>
/// <param name="UpdatedReplicas">status.updatedReplicas: pods of the new ReplicaSet.</param>
/// <param name="AvailableReplicas">status.availableReplicas.</param>
/// <param name="FullyPromoted">The stable ReplicaSet is set and is the current pod template's ReplicaSet.</param>
/// <param name="InvalidSpec">An InvalidSpec condition is present.</param>
/// <param name="Aborted">The update was aborted (condition reason RolloutAborted).</param>
/// <param name="ProgressDeadlineExceeded">The Progressing condition timed out (reason ProgressDeadlineExceeded).</param>
/// <param name="SpecPaused">spec.paused, a manual pause.</param>
/// <param name="PauseReasons">Reasons of status.pauseConditions, in order (e.g. CanaryPauseStep).</param>
/// <param name="ControllerPause">status.controllerPause.</param>
/// <param name="RestartPending">spec.restartAt is set and differs from status.restartedAt.</param>
/// <param name="GenerationObserved">status.observedGeneration matches metadata.generation.</param>
public sealed record RolloutPhaseInput(
    int SpecReplicas,
    int Replicas,
    int UpdatedReplicas,
    int AvailableReplicas,
    bool FullyPromoted,
    bool InvalidSpec = false,
    bool Aborted = false,
    bool ProgressDeadlineExceeded = false,
    bool SpecPaused = false,
    IReadOnlyList<string>? PauseReasons = null,
    bool ControllerPause = false,
    bool RestartPending = false,
    bool GenerationObserved = true)
{
    /// <summary>The rollout uses the blue-green strategy.</summary>
    public bool BlueGreen { get; init; }

    /// <summary>status.blueGreen.activeSelector.</summary>
    public string? ActiveSelector { get; init; }

    /// <summary>status.currentPodHash.</summary>
    public string? CurrentPodHash { get; init; }

    /// <summary>A post-promotion analysis is configured and has not succeeded.</summary>
    public bool WaitingForPostPromotionAnalysis { get; init; }
}
