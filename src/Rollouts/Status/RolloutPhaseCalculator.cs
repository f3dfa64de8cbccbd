namespace Tollgate.Rollouts.Status;

/// <summary>
/// Computes a basic canary Rollout's phase in the order Argo checks it (GetRolloutPhase, then
/// CalculateRolloutPhase): unobserved or unpausing, degraded, paused, restarting, replica progress, promotion.
/// </summary>
public static class RolloutPhaseCalculator
{
    public static RolloutPhaseResult Calculate(RolloutPhaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pauseReasons = input.PauseReasons ?? [];

        if (!input.GenerationObserved)
        {
            return Progressing("waiting for rollout spec update to be observed");
        }

        // A user cleared the pause conditions but the controller has not yet reacted to it.
        if (input.ControllerPause && pauseReasons.Count == 0)
        {
            return Progressing("waiting for rollout to unpause");
        }

        if (input.InvalidSpec)
        {
            return new RolloutPhaseResult(RolloutPhase.Degraded, "InvalidSpec");
        }

        if (input.Aborted)
        {
            return new RolloutPhaseResult(RolloutPhase.Degraded, "RolloutAborted");
        }

        if (input.ProgressDeadlineExceeded)
        {
            return new RolloutPhaseResult(RolloutPhase.Degraded, "ProgressDeadlineExceeded");
        }

        if (input.SpecPaused)
        {
            return new RolloutPhaseResult(RolloutPhase.Paused, "manually paused");
        }

        if (pauseReasons.Count > 0)
        {
            return new RolloutPhaseResult(RolloutPhase.Paused, pauseReasons[0]);
        }

        if (input.RestartPending)
        {
            return Progressing("rollout is restarting");
        }

        if (input.UpdatedReplicas < input.SpecReplicas)
        {
            return Progressing("more replicas need to be updated");
        }

        if (input.AvailableReplicas < input.UpdatedReplicas)
        {
            return Progressing("updated replicas are still becoming available");
        }

        if (input.BlueGreen)
        {
            // No "old replicas" check: the previous ReplicaSet keeps its pods through the scale-down delay.
            if (string.IsNullOrEmpty(input.ActiveSelector) || input.ActiveSelector != input.CurrentPodHash)
            {
                return Progressing("active service cutover pending");
            }

            return input.FullyPromoted
                ? new RolloutPhaseResult(RolloutPhase.Healthy, string.Empty)
                : Progressing(input.WaitingForPostPromotionAnalysis ? "waiting for analysis to complete" : "waiting for post-promotion verification to complete");
        }

        if (input.Replicas > input.UpdatedReplicas)
        {
            return Progressing("old replicas are pending termination");
        }

        return input.FullyPromoted
            ? new RolloutPhaseResult(RolloutPhase.Healthy, string.Empty)
            : Progressing("waiting for all steps to complete");
    }

    private static RolloutPhaseResult Progressing(string message) => new(RolloutPhase.Progressing, message);
}
