using Tollgate.KubectlPlugin;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.KubectlPlugin;

public sealed class RolloutPatchesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 1, 2, 3, TimeSpan.Zero);

    private static Rollout Rollout(bool specPaused = false, bool pauseCondition = false, int step = 1) => new()
    {
        Spec = new RolloutSpec
        {
            Paused = specPaused ? true : null,
            Strategy = new RolloutStrategy { Canary = new CanaryStrategy { Steps = [new() { SetWeight = 10 }, new() { Pause = new RolloutPause() }, new() { SetWeight = 100 }] } },
        },
        Status = new RolloutStatus
        {
            CurrentStepIndex = step,
            ControllerPause = pauseCondition ? true : null,
            PauseConditions = pauseCondition ? [new PauseCondition { Reason = "CanaryPauseStep", StartTime = Now }] : null,
        },
    };

    [Theory]
    [InlineData("promote", false, true, false, null, """{"pauseConditions":null}""")]
    [InlineData("promote", true, false, false, """{"paused":false}""", """{"pauseConditions":null}""")]
    [InlineData("promote", false, false, false, null, """{"currentStepIndex":2}""")]
    [InlineData("promote", false, true, true, null, """{"promoteFull":true}""")]
    [InlineData("abort", false, false, false, null, """{"abort":true}""")]
    [InlineData("retry", false, false, false, null, """{"abort":false}""")]
    [InlineData("restart", false, false, false, """{"restartAt":"2026-11-21T01:02:03Z"}""", null)]
    [InlineData("pause", false, false, false, """{"paused":true}""", null)]
    public void For_Operation_ArgoPluginPatch(string verb, bool specPaused, bool pauseCondition, bool full, string? spec, string? status)
    {
        var patch = RolloutPatches.For(verb, Rollout(specPaused, pauseCondition), full, Now);

        Assert.Equal(spec, patch.Spec?.ToJsonString());
        Assert.Equal(status, patch.Status?.ToJsonString());
    }
}
