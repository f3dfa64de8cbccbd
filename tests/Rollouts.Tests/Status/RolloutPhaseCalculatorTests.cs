using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;

namespace Tollgate.Rollouts.Tests.Status;

public sealed class RolloutPhaseCalculatorTests
{
    private static readonly RolloutPhaseInput Healthy = new(
        SpecReplicas: 5,
        Replicas: 5,
        UpdatedReplicas: 5,
        AvailableReplicas: 5,
        FullyPromoted: true);

    public static TheoryData<string, RolloutPhaseInput, RolloutPhase, string> Cases => new()
    {
        { "healthy", Healthy, RolloutPhase.Healthy, "" },
        { "generation not observed", Healthy with { GenerationObserved = false }, RolloutPhase.Progressing, "waiting for rollout spec update to be observed" },
        { "unpausing beats degraded", Healthy with { ControllerPause = true, Aborted = true }, RolloutPhase.Progressing, "waiting for rollout to unpause" },
        { "invalid spec", Healthy with { InvalidSpec = true, SpecPaused = true }, RolloutPhase.Degraded, "InvalidSpec" },
        { "aborted beats paused", Healthy with { Aborted = true, PauseReasons = ["CanaryPauseStep"], ControllerPause = true }, RolloutPhase.Degraded, "RolloutAborted" },
        { "progress deadline", Healthy with { ProgressDeadlineExceeded = true, UpdatedReplicas = 2 }, RolloutPhase.Degraded, "ProgressDeadlineExceeded" },
        { "manual pause beats pause condition", Healthy with { SpecPaused = true, PauseReasons = ["CanaryPauseStep"] }, RolloutPhase.Paused, "manually paused" },
        { "pause step", Healthy with { PauseReasons = ["CanaryPauseStep", "InconclusiveAnalysisRun"], ControllerPause = true }, RolloutPhase.Paused, "CanaryPauseStep" },
        { "restart pending", Healthy with { RestartPending = true, UpdatedReplicas = 1 }, RolloutPhase.Progressing, "rollout is restarting" },
        { "not all updated", Healthy with { UpdatedReplicas = 1, FullyPromoted = false }, RolloutPhase.Progressing, "more replicas need to be updated" },
        { "updated not available", Healthy with { AvailableReplicas = 4 }, RolloutPhase.Progressing, "updated replicas are still becoming available" },
        { "old pods terminating", Healthy with { Replicas = 7 }, RolloutPhase.Progressing, "old replicas are pending termination" },
        { "steps not complete", Healthy with { FullyPromoted = false }, RolloutPhase.Progressing, "waiting for all steps to complete" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Calculate_Status_MirrorsArgoCheckOrder(string scenario, RolloutPhaseInput input, RolloutPhase expectedPhase, string expectedMessage)
    {
        var result = RolloutPhaseCalculator.Calculate(input);

        Assert.True(
            result == new RolloutPhaseResult(expectedPhase, expectedMessage),
            $"{scenario}: expected {expectedPhase} '{expectedMessage}', got {result.Phase} '{result.Message}'");
    }
}
