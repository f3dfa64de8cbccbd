using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed class PauseAbortCollectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ApplyTo_NothingCollected_StoredPausesKeptAndControllerPauseKept()
    {
        var stored = new RolloutStatus { PauseConditions = [new PauseCondition { Reason = "CanaryPauseStep", StartTime = Now.AddMinutes(-1) }], ControllerPause = true };
        var status = new RolloutStatus();

        new PauseAbortCollector(stored, Now).ApplyTo(status);

        Assert.Equal(Now.AddMinutes(-1), Assert.Single(status.PauseConditions!).StartTime);
        Assert.True(status.ControllerPause);
    }

    [Fact]
    public void ApplyTo_NoConditionsLeft_ControllerPauseCleared()
    {
        var stored = new RolloutStatus { ControllerPause = true };
        var status = new RolloutStatus { ControllerPause = true };

        new PauseAbortCollector(stored, Now).ApplyTo(status);

        Assert.Null(status.ControllerPause);
        Assert.Null(status.PauseConditions);
    }

    [Fact]
    public void ApplyTo_AddedPause_StartsNowAndSetsControllerPause()
    {
        var collector = new PauseAbortCollector(new RolloutStatus(), Now);
        collector.AddPause("CanaryPauseStep");
        collector.AddPause("CanaryPauseStep");
        var status = new RolloutStatus();

        collector.ApplyTo(status);

        Assert.Equal(Now, Assert.Single(status.PauseConditions!).StartTime);
        Assert.True(status.ControllerPause);
    }

    [Fact]
    public void ApplyTo_Abort_WinsOverPausesAndKeepsAbortedAt()
    {
        var stored = new RolloutStatus { Abort = true, AbortedAt = Now.AddHours(-1), PauseConditions = [new PauseCondition { Reason = "CanaryPauseStep", StartTime = Now }] };
        var collector = new PauseAbortCollector(stored, Now);
        collector.AddPause("InconclusiveAnalysisRun");
        var status = new RolloutStatus();

        collector.ApplyTo(status);

        Assert.True(status.Abort);
        Assert.Equal(Now.AddHours(-1), status.AbortedAt);
        Assert.Null(status.PauseConditions);
    }

    [Fact]
    public void ApplyTo_RemoveAbort_ClearsAbortAndAbortedAt()
    {
        var collector = new PauseAbortCollector(new RolloutStatus { Abort = true, AbortedAt = Now }, Now);
        collector.RemoveAbort();
        var status = new RolloutStatus { Abort = true, AbortedAt = Now };

        collector.ApplyTo(status);

        Assert.False(collector.IsAborted);
        Assert.Null(status.Abort);
        Assert.Null(status.AbortedAt);
    }

    [Fact]
    public void ApplyTo_Cleared_NoPausesEvenIfAdded()
    {
        var collector = new PauseAbortCollector(new RolloutStatus { PauseConditions = [new PauseCondition { Reason = "CanaryPauseStep" }], ControllerPause = true }, Now);
        collector.AddPause("InconclusiveAnalysisRun");
        collector.ClearPauses();
        var status = new RolloutStatus();

        collector.ApplyTo(status);

        Assert.Null(status.PauseConditions);
        Assert.Null(status.ControllerPause);
    }
}
