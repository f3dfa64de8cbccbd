using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Status;

public sealed class RolloutEventPlannerTests
{
    private static readonly IReadOnlyList<Rollouts.Canary.CanaryStep> Steps = [new SetWeightStep(10), new PauseStep(TimeSpan.FromMinutes(5)), new SetWeightStep(100)];

    private static RolloutStatus Status(int step, int weight, string hash = "h2", bool abort = false, string? pause = null, string? stable = "h1") => new()
    {
        CurrentStepIndex = step,
        CurrentPodHash = hash,
        StableRS = stable,
        Abort = abort ? true : null,
        PauseConditions = pause is null ? null : [new PauseCondition { Reason = pause, StartTime = DateTimeOffset.UnixEpoch }],
        Canary = new CanaryStatus { Weights = new TrafficWeights { Canary = new WeightDestination { Weight = weight } } },
    };

    public static TheoryData<RolloutStatus?, RolloutStatus, string[]> Cases => new()
    {
        { Status(0, 10), Status(0, 10), [] },
        { Status(0, 0), Status(1, 10), ["RolloutStepCompleted", "SetWeight"] },
        { Status(1, 10), Status(1, 10, pause: "CanaryPauseStep"), ["RolloutPaused"] },
        { Status(1, 10, pause: "CanaryPauseStep"), Status(2, 10), ["RolloutStepCompleted", "RolloutResumed"] },
        { Status(1, 10), Status(0, 0, abort: true), ["RolloutAborted", "SetWeight"] },
        { Status(0, 0, abort: true), Status(0, 0), ["RolloutRetried"] },
        { Status(3, 100, stable: "h1"), Status(3, 0, stable: "h2"), ["SetWeight", "RolloutCompleted"] },
        { Status(3, 0, hash: "h1"), Status(0, 0, hash: "h2"), ["RolloutUpdated"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_StatusChange_Events(RolloutStatus? before, RolloutStatus after, string[] reasons) =>
        Assert.Equal(reasons, RolloutEventPlanner.Plan(before, after, Steps, null).Select(e => e.Reason));

    [Fact]
    public void Plan_PromotionRunFailed_WarningAsArgoWords()
    {
        var before = new RolloutStatus { CurrentPodHash = "h2", BlueGreen = new BlueGreenStatus { PrePromotionAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = "web-h2-pre", Status = "Running" } } };
        var after = new RolloutStatus { CurrentPodHash = "h2", BlueGreen = new BlueGreenStatus { PrePromotionAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = "web-h2-pre", Status = "Failed" } } };

        var planned = Assert.Single(RolloutEventPlanner.Plan(before, after, [], null));

        Assert.Equal(new RolloutEvent(true, "AnalysisRunFailed", "PrePromotion Analysis Run 'web-h2-pre' Status New: 'Failed' Previous: 'Running'"), planned);
    }

    [Fact]
    public void Plan_PostPromotionRunStarted_NoPreviousStatus()
    {
        var after = new RolloutStatus { CurrentPodHash = "h2", BlueGreen = new BlueGreenStatus { PostPromotionAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = "web-h2-post", Status = "Pending" } } };

        var planned = Assert.Single(RolloutEventPlanner.Plan(new RolloutStatus { CurrentPodHash = "h2" }, after, [], null));

        Assert.Equal("PostPromotion Analysis Run 'web-h2-post' Status New: 'Pending' Previous: 'NoPreviousStatus'", planned.Message);
    }

    [Fact]
    public void Plan_Abort_WarningWithDetail()
    {
        var abort = Assert.Single(RolloutEventPlanner.Plan(Status(1, 0), Status(0, 0, abort: true), Steps, "Metric \"error-rate\" assessed Failed"));

        Assert.True(abort.IsWarning);
        Assert.Contains("error-rate", abort.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_AbortWithControllerDetail_DetailIsTheWholeMessage()
    {
        const string detail = "Rollout aborted update to revision h2: AnalysisRun web-app-h2-2 Failed: measured [0.5]";

        var abort = Assert.Single(RolloutEventPlanner.Plan(Status(1, 0), Status(0, 0, abort: true), Steps, detail));

        Assert.Equal(detail, abort.Message);
    }

    [Fact]
    public void Plan_AbortWithoutDetail_NamesTheRevision()
    {
        var abort = Assert.Single(RolloutEventPlanner.Plan(Status(1, 0), Status(0, 0, abort: true), Steps, null));

        Assert.Equal("Rollout aborted update to revision h2", abort.Message);
    }
}
