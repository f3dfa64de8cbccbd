using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Strategy;
using static Tollgate.Rollouts.Tests.Strategy.BlueGreenObservationBuilder;

namespace Tollgate.Rollouts.Tests.Strategy;

/// <summary>The blue-green state machine against Argo's rolloutBlueGreen, one behaviour per test.</summary>
public sealed class BlueGreenStateMachineTests
{
    private const string BlueGreenPause = BlueGreenStateMachine.PauseReason;
    private const string Inconclusive = RolloutConditionTypes.PauseReasonInconclusive;

    [Fact]
    public void Decide_FirstDeploy_CreatesReplicaSetAtFullScaleAndMarksItStable()
    {
        var decision = BlueGreen(3).FirstDeploy().Decide();

        decision.Has<CreateReplicaSet>(c => c.PodHash == NewHash && c.Replicas == 3);
        decision.Has<PointService>(p => p.ServiceName == PreviewService && p.PodHash == NewHash);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        Assert.Equal(NewHash, decision.Status.StableRS);
        decision.InPhase(RolloutPhase.Progressing);
    }

    [Fact]
    public void Decide_StableWithoutActiveSelector_SwitchesActiveServiceAsAFastTrack()
    {
        var decision = BlueGreen(3).Promoted().Selecting(null, NewHash).Configure(b => b.Status.BlueGreen = new()).Decide();

        Assert.Equal(NewHash, decision.Status.StableRS);
        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == NewHash);
    }

    [Fact]
    public void Decide_FirstDeployPodsNotAvailable_DoesNotSwitchActiveService()
    {
        var builder = BlueGreen(3).Selecting(null, NewHash);
        builder.WithNew(3, available: 1);
        builder.Status.StableRS = NewHash;

        var decision = builder.Decide();

        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        decision.InPhase(RolloutPhase.Progressing, "updated replicas are still becoming available");
        Assert.Null(decision.Status.BlueGreen?.ActiveSelector);
    }

    [Fact]
    public void Decide_Settled_IsHealthyAndWritesNothing()
    {
        var decision = BlueGreen(3).Promoted().Decide();

        decision.WritesNothing();
        decision.InPhase(RolloutPhase.Healthy);
        Assert.Equal(NewHash, decision.Status.BlueGreen?.ActiveSelector);
        Assert.Equal(NewHash, decision.Status.BlueGreen?.PreviewSelector);
        Assert.Equal(3, decision.Status.HpaReplicas);
        Assert.Contains("rollouts-pod-template-hash=new", decision.Status.Selector, StringComparison.Ordinal);
        decision.Condition(RolloutConditionTypes.Available, "True", RolloutConditionTypes.ReasonAvailable);
    }

    [Fact]
    public void Decide_TemplateChanged_CreatesPreviewAtZeroAndPointsPreviewServiceOnly()
    {
        var builder = BlueGreen(3).WithStable().Selecting(StableHash, StableHash).TemplateChanged();

        var decision = builder.Decide();

        decision.Has<CreateReplicaSet>(c => c.PodHash == NewHash && c.Replicas == 0);
        decision.Has<PointService>(p => p.ServiceName == PreviewService && p.PodHash == NewHash);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        decision.DoesNotScale();
        Assert.Equal(NewHash, decision.Status.CurrentPodHash);
        Assert.Equal(StableHash, decision.Status.StableRS);
        decision.InPhase(RolloutPhase.Progressing, "more replicas need to be updated");
    }

    [Fact]
    public void Decide_TemplateChanged_ResetsPauseAbortAndPromotionRuns()
    {
        var builder = BlueGreen(3).WithStable().Selecting(StableHash, "older").TemplateChanged("older").BlueGreenPaused().WithPromotionRun(post: false, "Successful", hash: "older");
        builder.WithNew(0, revision: 3);
        builder.Status.PromoteFull = true;

        var decision = builder.Decide();

        decision.NotPaused();
        Assert.Null(decision.Status.PromoteFull);
        Assert.Null(decision.Status.BlueGreen?.PrePromotionAnalysisRunStatus);
        decision.DoesNotScale();
    }

    [Fact]
    public void Decide_UpdateWithNewAtZero_ScalesNewToSpecReplicas()
    {
        var decision = BlueGreen(3).Updating(newSpec: 0).Decide();

        decision.Scales(NewHash, 3);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
    }

    [Fact]
    public void Decide_NewNotAvailableYet_NeitherPausesNorSwitches()
    {
        var decision = BlueGreen(3).Updating(newAvailable: 2).ManualPromotion().Decide();

        decision.NotPaused();
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        // As Argo: availableReplicas counts the active (stable) ReplicaSet, so the phase waits on the cutover.
        decision.InPhase(RolloutPhase.Progressing, "active service cutover pending");
    }

    [Fact]
    public void Decide_SaturatedWithAutoPromotion_SwitchesActiveAndPromotesStable()
    {
        var decision = BlueGreen(3).Updating().Decide();

        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == NewHash);
        decision.NotPaused();
        Assert.Equal(NewHash, decision.Status.BlueGreen?.ActiveSelector);
        Assert.Equal(NewHash, decision.Status.StableRS);
        decision.DoesNotScale(StableHash);
    }

    [Fact]
    public void Decide_SaturatedWithManualPromotion_PausesWithBlueGreenPause()
    {
        var decision = BlueGreen(3).Updating().ManualPromotion().Decide();

        decision.PausedFor(BlueGreenPause);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        decision.InPhase(RolloutPhase.Paused, BlueGreenPause);
        Assert.Equal(StableHash, decision.Status.StableRS);
        Assert.Equal(StableHash, decision.Status.BlueGreen?.ActiveSelector);
    }

    [Fact]
    public void Decide_PausedForManualPromotion_StaysPaused()
    {
        var decision = BlueGreen(3).Updating().ManualPromotion().BlueGreenPaused(TimeSpan.FromHours(1)).Decide();

        decision.PausedFor(BlueGreenPause);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        // The active ReplicaSet is what the status counts, as Argo's scale subresource does.
        Assert.Equal(3, decision.Status.AvailableReplicas);
        Assert.Contains("rollouts-pod-template-hash=stable", decision.Status.Selector, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PromotedByUser_SwitchesActiveService()
    {
        var decision = BlueGreen(3).Updating().ManualPromotion().Resumed().Decide();

        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == NewHash);
        decision.NotPaused();
        Assert.Equal(NewHash, decision.Status.StableRS);
    }

    [Fact]
    public void Decide_AutoPromotionSecondsNotPassed_WaitsTheRest()
    {
        var builder = BlueGreen(3).Updating().BlueGreenPaused(TimeSpan.FromSeconds(10));
        builder.Strategy.AutoPromotionSeconds = 30;

        var decision = builder.Decide();

        decision.PausedFor(BlueGreenPause);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        Assert.Equal(TimeSpan.FromSeconds(20), decision.RequeueAfter);
    }

    [Fact]
    public void Decide_AutoPromotionSecondsPassed_SwitchesWithoutAPromote()
    {
        var builder = BlueGreen(3).Updating().BlueGreenPaused(TimeSpan.FromSeconds(31));
        builder.Strategy.AutoPromotionSeconds = 30;

        var decision = builder.Decide();

        decision.NotPaused();
        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == NewHash);
    }

    [Fact]
    public void Decide_PromotedWhileWaitingForAutoPromotionSeconds_NeitherSwitchesNorPausesYet()
    {
        var builder = BlueGreen(3).Updating().Resumed();
        builder.Strategy.AutoPromotionSeconds = 30;

        var decision = builder.Decide();

        // As Argo's CompletedBlueGreenPause: without the pause condition the seconds cannot have passed; controllerPause
        // is dropped, so the next decision pauses afresh (Decide_AutoPromotionSecondsFirstLook_...): the wait restarts.
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        decision.NotPaused();
    }

    [Fact]
    public void Decide_AutoPromotionSecondsFirstLook_PausesAndLooksAgainThen()
    {
        var builder = BlueGreen(3).Updating();
        builder.Strategy.AutoPromotionSeconds = 30;

        var decision = builder.Decide();

        decision.PausedFor(BlueGreenPause);
        Assert.Equal(TimeSpan.FromSeconds(30), decision.RequeueAfter);
    }

    [Fact]
    public void Decide_SpecPaused_NeitherPointsPreviewNorSwitches()
    {
        var builder = BlueGreen(3).Updating().Selecting(StableHash, StableHash);
        builder.Spec.Paused = true;

        var decision = builder.Decide();

        decision.HasNo<PointService>();
        decision.InPhase(RolloutPhase.Paused, "manually paused");
    }

    [Fact]
    public void Decide_PromoteFullWhilePaused_SwitchesAtOnce()
    {
        var decision = BlueGreen(3).Updating().ManualPromotion().BlueGreenPaused().PromoteFull().Decide();

        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == NewHash);
        decision.NotPaused();
        Assert.Equal(NewHash, decision.Status.StableRS);
        Assert.Null(decision.Status.PromoteFull);
    }

    [Fact]
    public void Decide_PreviousActiveAfterSwitch_GetsScaleDownDeadlineAndKeepsPods()
    {
        var builder = BlueGreen(3).Promoted().WithOld(StableHash, 3, revision: 1);

        var decision = builder.Decide();

        decision.Has<SetScaleDownDeadline>(d => d.Name == $"{Name}-{StableHash}" && d.Deadline == "2026-12-02T12:00:30Z");
        decision.DoesNotScale(StableHash);
        Assert.Equal(TimeSpan.FromSeconds(30), decision.RequeueAfter);
        decision.InPhase(RolloutPhase.Healthy);
    }

    [Fact]
    public void Decide_PreviousActiveWithinDeadline_KeepsPodsAndLooksAgainAtTheDeadline()
    {
        var decision = BlueGreen(3).Promoted().WithOld(StableHash, 3, revision: 1, deadline: "2026-12-02T12:00:12Z").Decide();

        decision.HasNo<SetScaleDownDeadline>();
        decision.DoesNotScale(StableHash);
        Assert.Equal(TimeSpan.FromSeconds(12), decision.RequeueAfter);
    }

    [Fact]
    public void Decide_PreviousActivePastDeadline_ScalesToZero()
    {
        var decision = BlueGreen(3).Promoted().WithOld(StableHash, 3, revision: 1, deadline: "2026-12-02T11:59:59Z").Decide();

        decision.Scales(StableHash, 0);
    }

    [Fact]
    public void Decide_ScaleDownDelayRevisionLimit_ScalesOlderOnesAtOnce()
    {
        var builder = BlueGreen(3).Promoted().WithOld("older", 3, revision: 1, deadline: "2026-12-02T12:00:20Z").WithOld(StableHash, 3, revision: 2, deadline: "2026-12-02T12:00:25Z");
        builder.Strategy.ScaleDownDelayRevisionLimit = 1;

        var decision = builder.Decide();

        decision.DoesNotScale(StableHash);
        decision.Scales("older", 0);
    }

    [Fact]
    public void Decide_ScaleDownDelayZero_ScalesDownAtOnce()
    {
        var builder = BlueGreen(3).Promoted().WithOld(StableHash, 3, revision: 1);
        builder.Strategy.ScaleDownDelaySeconds = 0;

        var decision = builder.Decide();

        decision.HasNo<SetScaleDownDeadline>();
        decision.Scales(StableHash, 0);
    }

    [Fact]
    public void Decide_StableCarriesDeadline_TakesItOff()
    {
        var withDeadline = BlueGreen(3).WithStable(deadline: "2026-12-02T12:00:20Z").Configure(b => b.WithNew(3)).Selecting(StableHash, NewHash).ManualPromotion().BlueGreenPaused();

        var decision = withDeadline.Decide();

        decision.Has<SetScaleDownDeadline>(d => d.Name == $"{Name}-{StableHash}" && d.Deadline is null);
    }

    [Fact]
    public void Decide_PreviewReplicaCount_ScalesNewToPreviewCountOnly()
    {
        var builder = BlueGreen(4).Updating(newSpec: 0).ManualPromotion();
        builder.Strategy.PreviewReplicaCount = 1;

        var decision = builder.Decide();

        decision.Scales(NewHash, 1);
    }

    [Fact]
    public void Decide_PreviewReplicaCountPaused_StaysAtPreviewCount()
    {
        var builder = BlueGreen(4).WithStable().Configure(b => b.WithNew(1)).Selecting(StableHash, NewHash).ManualPromotion().BlueGreenPaused();
        builder.Strategy.PreviewReplicaCount = 1;

        var decision = builder.Decide();

        decision.DoesNotScale(NewHash);
        decision.PausedFor(BlueGreenPause);
        Assert.Null(decision.Status.BlueGreen?.ScaleUpPreviewCheckPoint);
    }

    [Fact]
    public void Decide_PreviewReplicaCountPromoted_SetsCheckPointWithoutSwitching()
    {
        var builder = BlueGreen(4).WithStable().Configure(b => b.WithNew(1)).Selecting(StableHash, NewHash).ManualPromotion().Resumed();
        builder.Strategy.PreviewReplicaCount = 1;

        var decision = builder.Decide();

        Assert.True(decision.Status.BlueGreen?.ScaleUpPreviewCheckPoint);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        decision.NotPaused();
    }

    [Fact]
    public void Decide_PreviewReplicaCountPastCheckPoint_ScalesUpAndThenSwitches()
    {
        var builder = BlueGreen(4).WithStable().Configure(b => b.WithNew(1)).Selecting(StableHash, NewHash).ManualPromotion().CheckPointPassed();
        builder.Strategy.PreviewReplicaCount = 1;

        var decision = builder.Decide();

        decision.Scales(NewHash, 4);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        Assert.True(decision.Status.BlueGreen?.ScaleUpPreviewCheckPoint);
    }

    [Fact]
    public void Decide_PreviewReplicaCountScaledUp_Switches()
    {
        var builder = BlueGreen(4).Updating().ManualPromotion().CheckPointPassed();
        builder.Strategy.PreviewReplicaCount = 1;

        var decision = builder.Decide();

        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == NewHash);
        Assert.Equal(NewHash, decision.Status.StableRS);
        Assert.Null(decision.Status.BlueGreen?.ScaleUpPreviewCheckPoint);
    }

    [Fact]
    public void Decide_PrePromotionAnalysis_StartsOnceNewIsSaturated()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().Decide();

        decision.Has<CreatePromotionAnalysisRun>(r => r.Name == "web-new-pre" && !r.PostPromotion);
        Assert.Equal("web-new-pre", decision.Status.BlueGreen?.PrePromotionAnalysisRunStatus?.Name);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
    }

    [Fact]
    public void Decide_PrePromotionAnalysisNotSaturated_DoesNotStart()
    {
        var decision = BlueGreen(3).Updating(newAvailable: 1).WithPrePromotionAnalysis().Decide();

        decision.HasNo<CreatePromotionAnalysisRun>();
    }

    [Fact]
    public void Decide_PrePromotionAnalysisRunning_KeepsActiveOnStable()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Running").Decide();

        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        decision.HasNo<CreatePromotionAnalysisRun>();
        Assert.Equal("Running", decision.Status.BlueGreen?.PrePromotionAnalysisRunStatus?.Status);
    }

    [Fact]
    public void Decide_PrePromotionRunArgoStarted_ContinuesItAndStartsNoOther()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Running", name: "web-new-2-pre").Decide();

        decision.HasNo<CreatePromotionAnalysisRun>();
        decision.HasNo<TerminateAnalysisRun>();
        decision.HasNo<DeleteAnalysisRun>();
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        Assert.Equal(("web-new-2-pre", "Running"), (decision.Status.BlueGreen?.PrePromotionAnalysisRunStatus?.Name, decision.Status.BlueGreen?.PrePromotionAnalysisRunStatus?.Status));
    }

    [Fact]
    public void Decide_PostPromotionRunArgoStartedSucceeded_PromotesStable()
    {
        var decision = BlueGreen(3).Updating().Selecting(NewHash, NewHash).WithPostPromotionAnalysis().WithPromotionRun(post: true, "Successful", name: "web-new-2-post").Decide();

        decision.HasNo<CreatePromotionAnalysisRun>();
        Assert.Equal(NewHash, decision.Status.StableRS);
        decision.InPhase(RolloutPhase.Healthy);
    }

    [Fact]
    public void Decide_PrePromotionAnalysisSuccessful_Switches()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Successful").Decide();

        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == NewHash);
        Assert.Equal(NewHash, decision.Status.StableRS);
    }

    [Fact]
    public void Decide_PrePromotionAnalysisSuccessfulWithManualPromotion_PausesThen()
    {
        var decision = BlueGreen(3).Updating().ManualPromotion().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Successful").Decide();

        decision.PausedFor(BlueGreenPause);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
    }

    [Fact]
    public void Decide_PrePromotionAnalysisFailed_AbortsWithoutSwitching()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Failed").Decide();

        decision.IsAborted("Blue/green pre-promotion analysis phase error/failed: metric error-rate assessed Failed");
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        Assert.Equal(StableHash, decision.Status.StableRS);
    }

    [Fact]
    public void Decide_PrePromotionAnalysisInconclusive_PausesForIt()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Inconclusive").Decide();

        decision.PausedFor(Inconclusive);
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
    }

    [Fact]
    public void Decide_PromotedPastInconclusivePrePromotion_RunsAgain()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Inconclusive").Resumed().Decide();

        decision.Has<DeleteAnalysisRun>(d => d.Name == "web-new-pre");
        Assert.Null(decision.Status.BlueGreen?.PrePromotionAnalysisRunStatus);
    }

    [Fact]
    public void Decide_AbortedBeforeSwitch_KeepsActiveAndAnnotatesPreviewForScaleDown()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Failed").Aborted("Rollout aborted update to revision new: Blue/green pre-promotion analysis phase error/failed").Decide();

        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
        decision.Has<SetScaleDownDeadline>(d => d.Name == $"{Name}-{NewHash}" && d.Deadline == "2026-12-02T12:00:30Z");
        decision.DoesNotScale(NewHash);
        decision.IsAborted("pre-promotion");
        Assert.Equal("Failed", decision.Status.BlueGreen?.PrePromotionAnalysisRunStatus?.Status);
    }

    [Fact]
    public void Decide_AbortedPastAbortDeadline_ScalesPreviewToZero()
    {
        var builder = BlueGreen(3).WithStable().Configure(b => b.WithNew(3, deadline: "2026-12-02T11:59:00Z")).Selecting(StableHash, NewHash).Aborted();

        var decision = builder.Decide();

        decision.Scales(NewHash, 0);
        decision.HasNo<SetScaleDownDeadline>(d => d.Name == $"{Name}-{NewHash}");
    }

    [Fact]
    public void Decide_AbortedWithAbortScaleDownDelayZero_KeepsPreviewUp()
    {
        var builder = BlueGreen(3).Updating().Aborted();
        builder.Strategy.AbortScaleDownDelaySeconds = 0;

        var decision = builder.Decide();

        decision.HasNo<SetScaleDownDeadline>();
        decision.DoesNotScale(NewHash);
    }

    [Fact]
    public void Decide_PostPromotionAnalysis_StartsAfterSwitchAndHoldsStable()
    {
        var decision = BlueGreen(3).Updating().Selecting(NewHash, NewHash).WithPostPromotionAnalysis().Decide();

        decision.Has<CreatePromotionAnalysisRun>(r => r.Name == "web-new-post" && r.PostPromotion);
        Assert.Equal(StableHash, decision.Status.StableRS);
        decision.DoesNotScale(StableHash);
        decision.InPhase(RolloutPhase.Progressing, "waiting for analysis to complete");
    }

    [Fact]
    public void Decide_PostPromotionAnalysisSuccessful_PromotesStable()
    {
        var decision = BlueGreen(3).Updating().Selecting(NewHash, NewHash).WithPostPromotionAnalysis().WithPromotionRun(post: true, "Successful").Decide();

        Assert.Equal(NewHash, decision.Status.StableRS);
        decision.InPhase(RolloutPhase.Healthy);
    }

    [Fact]
    public void Decide_PostPromotionAnalysisFailed_Aborts()
    {
        var decision = BlueGreen(3).Updating().Selecting(NewHash, NewHash).WithPostPromotionAnalysis().WithPromotionRun(post: true, "Failed").Decide();

        decision.IsAborted("Blue/green post-promotion analysis phase error/failed");
        Assert.Equal(StableHash, decision.Status.StableRS);
    }

    [Fact]
    public void Decide_AbortedAfterSwitch_SwitchesActiveBack()
    {
        var decision = BlueGreen(3).Updating().Selecting(NewHash, NewHash).WithPostPromotionAnalysis().WithPromotionRun(post: true, "Failed").Aborted().Decide();

        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == StableHash);
        Assert.Equal(StableHash, decision.Status.BlueGreen?.ActiveSelector);
        decision.IsAborted();
    }

    [Fact]
    public void Decide_PostPromotionRunningWithoutScaleDownDelay_KeepsOlderReplicaSets()
    {
        var builder = BlueGreen(3).Updating().Selecting(NewHash, NewHash).WithPostPromotionAnalysis().WithPromotionRun(post: true, "Running").WithOld("older", 3, revision: 0);

        var decision = builder.Decide();

        decision.DoesNotScale("older");
        decision.HasNo<SetScaleDownDeadline>();
    }

    [Fact]
    public void Decide_Retried_DeletesThePromotionRunsAndStartsAgain()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Failed").Retried().Decide();

        decision.NotAborted();
        decision.Has<DeleteAnalysisRun>(d => d.Name == "web-new-pre");
        decision.HasNo<CreatePromotionAnalysisRun>();
        Assert.Null(decision.Status.BlueGreen?.PrePromotionAnalysisRunStatus);
        decision.Condition(RolloutConditionTypes.Progressing, "True", RolloutConditionTypes.ReasonRolloutRetry);
    }

    [Theory]
    [InlineData(false, "Running")]
    [InlineData(false, "")]
    [InlineData(true, "Running")]
    public void Decide_RunStillMeasuringThatStatusDoesNotNameYet_ContinuesIt(bool post, string phase)
    {
        var builder = BlueGreen(3).Updating();
        builder = post ? builder.Selecting(NewHash, NewHash).WithPostPromotionAnalysis() : builder.WithPrePromotionAnalysis();

        var decision = builder.WithPromotionRun(post, phase, recorded: false).Decide();

        decision.HasNo<DeleteAnalysisRun>();
        decision.HasNo<TerminateAnalysisRun>();
        decision.HasNo<CreatePromotionAnalysisRun>();
        var recorded = post ? decision.Status.BlueGreen?.PostPromotionAnalysisRunStatus : decision.Status.BlueGreen?.PrePromotionAnalysisRunStatus;
        Assert.Equal((post ? "web-new-post" : "web-new-pre", phase is "" ? "Pending" : phase), (recorded?.Name, recorded?.Status));
    }

    [Fact]
    public void Decide_StaleRunOfTheSameName_IsDeletedBeforeANewOne()
    {
        var decision = BlueGreen(3).Updating().WithPrePromotionAnalysis().WithPromotionRun(post: false, "Successful", recorded: false).Decide();

        decision.Has<DeleteAnalysisRun>(d => d.Name == "web-new-pre");
        decision.HasNo<CreatePromotionAnalysisRun>();
        decision.HasNo<PointService>(p => p.ServiceName == ActiveService);
    }

    [Fact]
    public void Decide_RollbackToReplicaSetWithinScaleDownDelay_SwitchesWithoutPause()
    {
        var builder = BlueGreen(3).ManualPromotion().WithPrePromotionAnalysis();
        builder.WithNew(3, revision: 3, deadline: "2026-12-02T12:00:20Z", ageMinutes: 300);
        builder.WithStable(revision: 2);
        builder.Selecting(StableHash, NewHash);

        var decision = builder.Decide();

        decision.NotPaused();
        decision.HasNo<CreatePromotionAnalysisRun>();
        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == NewHash);
        decision.Has<SetScaleDownDeadline>(d => d.Name == $"{Name}-{NewHash}" && d.Deadline is null);
        Assert.Equal(NewHash, decision.Status.StableRS);
    }

    [Fact]
    public void Decide_ActiveServiceMissing_IsInvalidSpec()
    {
        var decision = BlueGreen(3).Updating().MissingService(ActiveService).Decide();

        decision.InPhase(RolloutPhase.Degraded, "activeService \"web-active\" not found");
        Assert.Empty(decision.Intents);
        decision.Condition(RolloutConditionTypes.InvalidSpec, "True", RolloutConditionTypes.ReasonInvalidSpec);
    }

    [Fact]
    public void Decide_PreviewServiceMissing_IsInvalidSpec()
    {
        var decision = BlueGreen(3).Updating().MissingService(PreviewService).Decide();

        decision.InPhase(RolloutPhase.Degraded, "previewService \"web-preview\" not found");
    }

    [Fact]
    public void Decide_WithoutPreviewService_SwitchesActiveOnly()
    {
        var builder = BlueGreen(3).Updating();
        builder.Strategy.PreviewService = null;

        var decision = builder.Decide();

        decision.Has<PointService>(p => p.ServiceName == ActiveService && p.PodHash == NewHash);
        Assert.Null(decision.Status.BlueGreen?.PreviewSelector);
    }

    [Fact]
    public void Decide_ActiveMetadata_GoesOnStablePreviewMetadataOnNew()
    {
        var builder = BlueGreen(3).Updating().ManualPromotion().BlueGreenPaused();
        builder.Strategy.ActiveMetadata = System.Text.Json.JsonDocument.Parse("""{"labels":{"role":"active"}}""").RootElement.Clone();
        builder.Strategy.PreviewMetadata = System.Text.Json.JsonDocument.Parse("""{"labels":{"role":"preview"}}""").RootElement.Clone();

        var decision = builder.Decide();

        decision.Has<SyncPodMetadata>(m => m.PodHash == StableHash && m.Desired!.Contains("active", StringComparison.Ordinal));
        decision.Has<SyncPodMetadata>(m => m.PodHash == NewHash && m.Desired!.Contains("preview", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_BlueGreenStatus_HasNoCanaryFields()
    {
        var decision = BlueGreen(3).Updating().ManualPromotion().Decide();

        Assert.Null(decision.Status.Canary);
        Assert.Null(decision.Status.CurrentStepIndex);
    }
}
