using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed partial class CanaryStateMachineTests
{
    private static ObservationBuilder MidCanary() => ObservationBuilder.Seed().WithStable(7).WithNew(3).AtStep(2);

    private static void AbortRows(AddRow row)
    {
        row("Abort_MidCanary_StableRestoredFirst",
            () => MidCanary().Aborted(),
            d => d.Scales(Stable, 10));
        row("Abort_MidCanary_CanaryShrinks",
            () => MidCanary().Aborted(),
            d => Assert.Contains(d.Intents.OfType<ScaleReplicaSet>(), s => s.Name == "web-new" && s.To < 3));
        row("Abort_MidCanary_WeightZeroStepZeroDegraded",
            () => MidCanary().Aborted(),
            d =>
            {
                d.IsAborted();
                d.Weight(0);
                d.AtStep(0);
            });
        row("Abort_StoredMessage_Kept",
            () => MidCanary().Aborted("Rollout aborted update to revision new: AnalysisRun web-new-1 Failed"),
            d => d.IsAborted("AnalysisRun web-new-1 Failed"));
        row("Abort_NoStoredMessage_NamesTheRevision",
            () => MidCanary().Aborted(),
            d => d.IsAborted("Rollout aborted update to revision new"));
        row("Abort_ClearsPauses",
            () => MidCanary().AtStep(3).PausedAtStep().Aborted(),
            d => d.NotPaused());
        row("Abort_PromoteFullIgnored",
            () => MidCanary().Aborted().PromoteFull(),
            d =>
            {
                Assert.Null(d.Status.PromoteFull);
                d.Weight(0);
            });
        row("Abort_CanaryServicePointsAtStable",
            () => MidCanary().WithServices().Aborted(),
            d =>
            {
                d.Has<PointService>(p => p.ServiceName == "web-canary" && p.PodHash == Stable);
                d.Has<PointService>(p => p.ServiceName == "web-stable" && p.PodHash == Stable);
            });
        row("Abort_KeepsAbortedAt",
            () => MidCanary().Aborted(),
            d => Assert.Equal(ObservationBuilder.Now.AddMinutes(-1), d.Status.AbortedAt));
        row("Abort_CanaryAtZero_NothingToScale",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).Aborted(),
            d =>
            {
                d.DoesNotScale();
                d.IsAborted();
            });
        row("Abort_TemplateBackToStable_AbortClearedAndHealthy",
            () => ObservationBuilder.Seed().Promoted(10).TemplateChanged("mid").WithOld("mid", 0, revision: 2).Aborted(),
            d =>
            {
                d.NotAborted();
                d.InPhase(RolloutPhase.Healthy);
                d.AtStep(7);
            });
        row("Abort_DesiredIsAlreadyStable_AbortCleared",
            () => ObservationBuilder.Seed().Promoted(10).Aborted(),
            d =>
            {
                d.NotAborted();
                d.InPhase(RolloutPhase.Healthy);
            });
        row("Abort_BackgroundRunAlsoTerminated",
            () => MidCanary().WithBackgroundAnalysis().WithBackgroundRun("Running").Aborted(),
            d => d.Has<TerminateAnalysisRun>(t => t.Name == "web-new-background"));
    }

    private static void RetryRows(AddRow row)
    {
        row("Retry_DeletesTheAbortedAttemptsRuns",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).Retried().WithStepRun(1, "Failed"),
            d => d.Has<DeleteAnalysisRun>(r => r.Name == "web-new-1"));
        row("Retry_ProgressingReasonRolloutRetry",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).Retried(),
            d => d.Condition(RolloutConditionTypes.Progressing, "True", RolloutConditionTypes.ReasonRolloutRetry));
        row("Retry_StepsStartAgain",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).Retried().AtStep(4),
            d => d.AtStep(0));
        row("Retry_NoScalingInTheSameDecision",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).Retried(),
            d => d.DoesNotScale());
        row("Retry_AbortedAtCleared",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).Retried(),
            d => d.NotAborted());
        row("Retry_RunsOfOtherRevisionsKept",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).Retried().WithStepRun(1, "Failed", hash: "old"),
            d => d.HasNo<DeleteAnalysisRun>(r => r.Name == "web-old-1"));
        row("Retry_AnalysisStatusCleared",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).Retried()
                .Configure(b => b.Status.Canary = new CanaryStatus { CurrentStepAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = "web-new-1", Status = "Failed" } }),
            d => Assert.Null(d.Status.Canary?.CurrentStepAnalysisRunStatus));
    }

    private static void PromoteRows(AddRow row)
    {
        row("PromoteFull_AtPause_SkipsRemainingSteps",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1).PausedAtStep().PromoteFull(),
            d =>
            {
                d.AtStep(7);
                d.NotPaused();
                d.Weight(100);
            });
        row("PromoteFull_ScalesCanaryUp",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1).PromoteFull(),
            d => d.Scales(New, 4));
        row("PromoteFull_AllAvailable_BecomesStableAndClearsTheFlag",
            () => ObservationBuilder.Seed().WithStable(0).WithNew(10).AtStep(7).PromoteFull(),
            d =>
            {
                Assert.Equal(New, d.Status.StableRS);
                Assert.Null(d.Status.PromoteFull);
            });
        row("PromoteFull_CanaryNotAvailable_NotYetStable",
            () => ObservationBuilder.Seed().WithStable(0).WithNew(10, available: 8).AtStep(7).PromoteFull(),
            d => Assert.Equal(Stable, d.Status.StableRS));
        row("PromoteFull_SkipsStepAnalysis",
            () => AtAnalysisStep().WithStepRun(1, "Running").PromoteFull(),
            d =>
            {
                d.AtStep(3);
                d.HasNo<CreateAnalysisRun>();
            });
        row("Complete_StablePodsLeft_ScaledDownAfterPromotion",
            () => ObservationBuilder.Canary(10, "w10").WithStable(2).WithNew(10).AtStep(1),
            d =>
            {
                Assert.Equal(New, d.Status.StableRS);
                d.Scales(Stable, 0);
            });
    }

    private static void OldReplicaSetRows(AddRow row)
    {
        row("NewTemplateMidCanary_IntermediateScaledDownOnlyWithinMaxUnavailable",
            () => ObservationBuilder.Seed().WithStable(5).WithOld("mid", 5, revision: 2).WithNew(0, revision: 3),
            d => d.Scales("mid", 3));
        row("NewTemplateMidCanary_IntermediateNeverDroppedToZeroAtOnce",
            () => ObservationBuilder.Seed().WithStable(5).WithOld("mid", 5, revision: 2).WithNew(0, revision: 3),
            d => d.HasNo<ScaleReplicaSet>(s => s.Name == "web-mid" && s.To == 0));
        row("NewTemplateMidCanary_UnavailablePodsGoFirst",
            () => ObservationBuilder.Seed().WithStable(5).WithOld("mid", 5, available: 3, revision: 2).WithNew(0, revision: 3),
            d => d.Scales("mid", 3));
        row("NewTemplateMidCanary_NewestIntermediateFirst",
            () => ObservationBuilder.Seed().WithStable(6).WithOld("midA", 2, revision: 2, ageMinutes: 30).WithOld("midB", 2, revision: 3, ageMinutes: 20).WithNew(0, revision: 4),
            d =>
            {
                d.Scales("midB", 0);
                d.DoesNotScale("midA");
            });
        row("NewTemplateMidCanary_StatusNotCaughtUpAfterAScaleDown_NotScaledDownTwice",
            () => ObservationBuilder.Canary(4, "w50", "p").WithStable(2).WithOld("mid", 1, available: 2, revision: 2, replicas: 2).WithNew(0, revision: 3),
            d => d.DoesNotScale("mid"));
        row("NewTemplateMidCanary_NoAvailabilityToSpare_NothingScaledDown",
            () => ObservationBuilder.Seed().WithStable(4).WithOld("mid", 4, revision: 2).WithNew(0, revision: 3),
            d => d.DoesNotScale("mid"));
        row("NewTemplateMidCanary_StableGrowsIntoSurgeNotBeyond",
            () => ObservationBuilder.Seed().WithStable(5).WithOld("mid", 5, revision: 2).WithNew(0, revision: 3),
            d => d.Scales(Stable, 8));
        row("NewTemplateMidCanary_StepWaitsForOldPodsToGo",
            () => ObservationBuilder.Seed().WithStable(9).WithOld("mid", 0, revision: 2, replicas: 1).WithNew(1, revision: 3),
            d => d.AtStep(0));
        row("NewTemplateMidCanary_OldPodsGone_StepAdvances",
            () => ObservationBuilder.Seed().WithStable(9).WithOld("mid", 0, revision: 2, replicas: 0).WithNew(1, revision: 3),
            d => d.AtStep(1));
        row("NewTemplateMidCanary_AbortedWithIntermediate_StillWithinAvailability",
            () => ObservationBuilder.Seed().WithStable(5).WithOld("mid", 5, revision: 2).WithNew(0, revision: 3).Aborted(),
            d => d.Scales("mid", 3));
    }

    private static void StepsChangeRows(AddRow row)
    {
        row("StepsChange_MidCanary_RestartsSteps",
            () => MidCanary().AtStep(4).StepsChanged(),
            d => d.AtStep(0));
        row("StepsChange_RecordsTheNewStepHash",
            () => MidCanary().StepsChanged(),
            d => Assert.Equal(ObservationBuilder.StepHash, d.Status.CurrentStepHash));
        row("StepsChange_WhenPromoted_StaysComplete",
            () => ObservationBuilder.Seed().Promoted(10).StepsChanged(),
            d =>
            {
                d.AtStep(7);
                d.WritesNothing();
            });
        row("StepsChange_ClearsPause",
            () => MidCanary().AtStep(3).PausedAtStep().StepsChanged(),
            d => d.NotPaused());
    }

    private static ObservationBuilder Stuck(TimeSpan since) =>
        ObservationBuilder.Seed().WithStable(9).WithNew(1, available: 0).CountsRecorded()
            .Configure(b => b.Status.Conditions =
            [
                new RolloutCondition { Type = RolloutConditionTypes.Progressing, Status = "True", Reason = RolloutConditionTypes.ReasonReplicaSetUpdated, Message = "ReplicaSet \"web-new\" is progressing.", LastUpdateTime = ObservationBuilder.Now - since, LastTransitionTime = ObservationBuilder.Now - since },
            ]);

    private static void ProgressDeadlineRows(AddRow row)
    {
        row("ProgressDeadline_Exceeded_Degraded",
            () => Stuck(TimeSpan.FromMinutes(11)),
            d =>
            {
                d.InPhase(RolloutPhase.Degraded);
                d.Condition(RolloutConditionTypes.Progressing, "False", RolloutConditionTypes.ReasonProgressDeadlineExceeded);
            });
        row("ProgressDeadline_ExceededWithProgressDeadlineAbort_Aborts",
            () => Stuck(TimeSpan.FromMinutes(11)).Configure(b => b.Spec.ProgressDeadlineAbort = true),
            d => d.IsAborted("has timed out progressing"));
        row("ProgressDeadline_NotYet_Progressing",
            () => Stuck(TimeSpan.FromMinutes(5)),
            d => d.InPhase(RolloutPhase.Progressing));
        row("ProgressDeadline_CustomSeconds_Exceeded",
            () => Stuck(TimeSpan.FromMinutes(2)).Configure(b => b.Spec.ProgressDeadlineSeconds = 60),
            d => d.InPhase(RolloutPhase.Degraded));
        row("ProgressDeadline_Progress_ResetsTheClock",
            () => Stuck(TimeSpan.FromMinutes(11)).Configure(b => b.Status.AvailableReplicas = 5),
            d => d.InPhase(RolloutPhase.Progressing));
        row("ProgressDeadline_Paused_NeverExceeded",
            () => Stuck(TimeSpan.FromHours(3)).AtStep(1).PausedAtStep(TimeSpan.FromHours(3)).Configure(b => b.Status.UpdatedReplicas = 1),
            d => d.InPhase(RolloutPhase.Paused));
    }
}
