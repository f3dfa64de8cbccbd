using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed partial class CanaryStateMachineTests
{
    private static readonly DateTimeOffset Before = ObservationBuilder.Now.AddHours(-1);
    private static readonly DateTimeOffset After = ObservationBuilder.Now.AddSeconds(-10);

    private static ObservedPod Pod(string name, DateTimeOffset created, bool deleting = false, bool available = true) => new(name, created, deleting, available);

    private static void RestartRows(AddRow row)
    {
        row("Restart_OlderPods_OneAtATimeWithinMaxUnavailable",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).RestartAt(TimeSpan.FromMinutes(1), Pod("a", Before), Pod("b", Before), Pod("c", Before), Pod("d", Before)),
            d =>
            {
                Assert.Single(d.Intents.OfType<EvictPod>());
                Assert.Null(d.Status.RestartedAt);
            });
        row("Restart_PodBeingDeleted_NotCountedAvailable",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).RestartAt(TimeSpan.FromMinutes(1), Pod("a", Before, deleting: true), Pod("b", Before), Pod("c", Before), Pod("d", Before)),
            d => d.HasNo<EvictPod>());
        row("Restart_ReplacementNotReady_Waits",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).RestartAt(TimeSpan.FromMinutes(1), Pod("a2", After, available: false), Pod("b", Before), Pod("c", Before), Pod("d", Before)),
            d => d.HasNo<EvictPod>());
        row("Restart_LastOldPodEvicted_SetsRestartedAt",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).RestartAt(TimeSpan.FromMinutes(1), Pod("a2", After), Pod("b2", After), Pod("c2", After), Pod("d", Before)),
            d =>
            {
                d.Has<EvictPod>(e => e.Name == "d");
                Assert.Equal(ObservationBuilder.Now.AddMinutes(-1), d.Status.RestartedAt);
            });
        row("Restart_AllPodsNewer_SetsRestartedAt",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).RestartAt(TimeSpan.FromMinutes(1), Pod("a2", After), Pod("b2", After)),
            d =>
            {
                d.HasNo<EvictPod>();
                Assert.Equal(ObservationBuilder.Now.AddMinutes(-1), d.Status.RestartedAt);
            });
        row("Restart_InTheFuture_RequeuesAtThatTime",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).Configure(b => b.Spec.RestartAt = ObservationBuilder.Now.AddSeconds(40)),
            d =>
            {
                d.HasNo<EvictPod>();
                Assert.Equal(TimeSpan.FromSeconds(40), d.RequeueAfter);
            });
        row("Restart_AlreadyDone_NothingEvicted",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).Configure(b =>
            {
                b.Spec.RestartAt = ObservationBuilder.Now.AddMinutes(-1);
                b.Status.RestartedAt = ObservationBuilder.Now.AddMinutes(-1);
            }),
            d => d.WritesNothing());
        row("Restart_Evicting_NoScalingInTheSameDecision",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).Configure(b => b.Spec.Replicas = 3).RestartAt(TimeSpan.FromMinutes(1), Pod("a", Before), Pod("b", Before), Pod("c", Before), Pod("d", Before)),
            d => d.DoesNotScale());
        row("Restart_NoMaxUnavailable_StillOneAtATime",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).WithLimits("1", "0").RestartAt(TimeSpan.FromMinutes(1), Pod("a", Before), Pod("b", Before), Pod("c", Before), Pod("d", Before)),
            d => Assert.Single(d.Intents.OfType<EvictPod>()));
        row("Restart_Pending_PhaseProgressing",
            () => ObservationBuilder.Canary(4, "w50", "p").Promoted(4).RestartAt(TimeSpan.FromMinutes(1), Pod("a", Before), Pod("b", Before), Pod("c", Before), Pod("d", Before)),
            d => d.InPhase(RolloutPhase.Progressing, "rollout is restarting"));
        row("Restart_DuringCanary_RestartsAsArgoDoes",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1).PausedAtStep()
                .RestartAt(TimeSpan.FromMinutes(1), Pod("a", Before), Pod("b", Before), Pod("c", Before), Pod("d", Before), Pod("e", Before), Pod("f", Before), Pod("g", Before), Pod("h", Before), Pod("i", Before), Pod("j", Before)),
            d => Assert.Equal(2, d.Intents.OfType<EvictPod>().Count()));
    }

    private static void ArgoCdActionRows(AddRow row)
    {
        // skip-current-step: pauseConditions removed, currentStepIndex + 1, controllerPause left as it was.
        row("SkipCurrentStep_FromIndefinitePause_ControllerPauseRecomputed",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(2).Resumed(),
            d =>
            {
                d.AtStep(2);
                Assert.Null(d.Status.ControllerPause);
            });
        row("SkipCurrentStep_LaterTimedPause_PausesForItsDuration",
            () => ObservationBuilder.Canary(10, "w10", "p", "w30", "p30s", "w50").WithStable(7).WithNew(3).AtStep(3),
            d =>
            {
                d.PausedFor(Pause);
                d.AtStep(3);
            });
        row("SkipCurrentStep_StraightIntoATimedPause_CountsAsResumeAsInArgo",
            () => ObservationBuilder.Canary(10, "w10", "p", "p30s", "w50").WithStable(9).WithNew(1).AtStep(2).Resumed(),
            d => d.AtStep(3));
        row("SkipCurrentStep_OverAnalysis_RunningRunTerminated",
            () => ObservationBuilder.Canary(10, "w10", "a", "w50").WithStable(9).WithNew(1).AtStep(2).WithStepRun(1, "Running"),
            d => d.Has<TerminateAnalysisRun>(t => t.Name == "web-new-1"));
        row("SkipCurrentStep_OverAnalysisThenPromoted_RunTerminated",
            () => ObservationBuilder.Canary(10, "w10", "a").Promoted(10).WithStepRun(1, "Running"),
            d => d.Has<TerminateAnalysisRun>(t => t.Name == "web-new-1"));
        row("SkipCurrentStep_FutureStepRun_NotTerminated",
            () => ObservationBuilder.Canary(10, "w10", "a", "w50", "a").WithStable(9).WithNew(1).AtStep(1).WithStepRun(1, "Running").WithStepRun(3, "Running"),
            d => d.HasNo<TerminateAnalysisRun>());
        row("Resume_ClearsPauseAndSpecPaused_Advances",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1).Resumed().Configure(b => b.Spec.Paused = false),
            d => d.AtStep(2));
        row("Pause_SpecPaused_PhasePausedNoProgress",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).SpecPaused(),
            d =>
            {
                d.InPhase(RolloutPhase.Paused, "manually paused");
                d.Condition(RolloutConditionTypes.Paused, "True", "RolloutPaused");
            });
        row("Health_ResumedButNotYetReconciled_NotReportedAsUnpausing",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1).Resumed(),
            d => Assert.DoesNotContain("unpause", d.Status.Message ?? "", StringComparison.Ordinal));
        row("Health_Progressing_NoStaleControllerPause",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).AtStep(2).Configure(b => b.Status.ControllerPause = true),
            d =>
            {
                Assert.Null(d.Status.ControllerPause);
                d.InPhase(RolloutPhase.Progressing);
            });
    }

    private static ObservationBuilder WithOldRevisions(int count, int? limit = null)
    {
        var builder = ObservationBuilder.Seed().Promoted(3, revision: count + 1);
        for (var index = 1; index <= count; index++)
        {
            builder.WithOld($"r{index}", 0, revision: index, ageMinutes: 1000 - index);
        }

        builder.Spec.RevisionHistoryLimit = limit;
        return builder;
    }

    private static void HistoryRows(AddRow row)
    {
        row("RevisionHistory_ElevenOld_OldestDeleted",
            () => WithOldRevisions(11),
            d =>
            {
                d.Has<DeleteReplicaSet>(r => r.Name == "web-r1");
                Assert.Single(d.Intents.OfType<DeleteReplicaSet>());
            });
        row("RevisionHistory_TenOld_NothingDeleted",
            () => WithOldRevisions(10),
            d => d.HasNo<DeleteReplicaSet>());
        row("RevisionHistory_CustomLimit_OldestBeyondItDeleted",
            () => WithOldRevisions(4, limit: 2),
            d => Assert.Equal(["web-r1", "web-r2"], d.Intents.OfType<DeleteReplicaSet>().Select(r => r.Name).ToArray()));
        row("RevisionHistory_ZeroLimit_AllScaledDownDeleted",
            () => WithOldRevisions(3, limit: 0),
            d => Assert.Equal(3, d.Intents.OfType<DeleteReplicaSet>().Count()));
        row("RevisionHistory_OldWithPods_Kept",
            () => ObservationBuilder.Seed().Promoted(10, revision: 3).WithOld("r1", 0, revision: 1, replicas: 2).WithOld("r2", 0, revision: 2).Configure(b => b.Spec.RevisionHistoryLimit = 0),
            d =>
            {
                d.Has<DeleteReplicaSet>(r => r.Name == "web-r2");
                d.HasNo<DeleteReplicaSet>(r => r.Name == "web-r1");
            });
        row("RevisionHistory_StableAndCanaryNeverDeleted",
            () => MidCanary().Configure(b => b.Spec.RevisionHistoryLimit = 0),
            d => d.HasNo<DeleteReplicaSet>());
        row("AnalysisHistory_SevenSuccessful_TwoOldestDeleted",
            () => Runs(ObservationBuilder.Seed().Promoted(10), "Successful", 7),
            d => Assert.Equal(["web-old1-1", "web-old2-1"], d.Intents.OfType<DeleteAnalysisRun>().Select(r => r.Name).Order().ToArray()));
        row("AnalysisHistory_FiveSuccessful_NothingDeleted",
            () => Runs(ObservationBuilder.Seed().Promoted(10), "Successful", 5),
            d => d.HasNo<DeleteAnalysisRun>());
        row("AnalysisHistory_UnsuccessfulHaveTheirOwnLimit",
            () => Runs(Runs(ObservationBuilder.Seed().Promoted(10), "Successful", 5), "Failed", 6, prefix: "bad"),
            d => Assert.Equal(["web-bad1-1"], d.Intents.OfType<DeleteAnalysisRun>().Select(r => r.Name).ToArray()));
        row("AnalysisHistory_CustomLimits",
            () => Runs(ObservationBuilder.Seed().Promoted(10), "Successful", 3).Configure(b =>
                b.Spec.Analysis = System.Text.Json.JsonDocument.Parse("""{"successfulRunHistoryLimit":1,"unsuccessfulRunHistoryLimit":0}""").RootElement.Clone()),
            d => Assert.Equal(2, d.Intents.OfType<DeleteAnalysisRun>().Count()));
        row("AnalysisHistory_RunningRunsNeverDeleted",
            () => Runs(ObservationBuilder.Seed().Promoted(10), "Running", 8).Configure(b =>
                b.Spec.Analysis = System.Text.Json.JsonDocument.Parse("""{"successfulRunHistoryLimit":0,"unsuccessfulRunHistoryLimit":0}""").RootElement.Clone()),
            d => d.HasNo<DeleteAnalysisRun>());
        row("AnalysisHistory_CurrentRunNeverDeleted",
            () => AtAnalysisStep().WithStepRun(1, "Running").Configure(b =>
                b.Spec.Analysis = System.Text.Json.JsonDocument.Parse("""{"successfulRunHistoryLimit":0,"unsuccessfulRunHistoryLimit":0}""").RootElement.Clone()),
            d => d.HasNo<DeleteAnalysisRun>());
    }

    private static ObservationBuilder Runs(ObservationBuilder builder, string phase, int count, string prefix = "old")
    {
        for (var index = 1; index <= count; index++)
        {
            builder.WithStepRun(1, phase, hash: $"{prefix}{index}", ageMinutes: 100 - index);
        }

        return builder;
    }

    private static void SpecAndEdgeRows(AddRow row)
    {
        row("InvalidSpec_DegradedWithTheMessageAndNoWrites",
            () => MidCanary().Invalid("spec.strategy.canary.steps[0].setWeight must be within 0..100, not 101"),
            d =>
            {
                Assert.Empty(d.Intents);
                d.InPhase(RolloutPhase.Degraded, "InvalidSpec: spec.strategy.canary.steps[0].setWeight");
                d.Condition(RolloutConditionTypes.InvalidSpec, "True", RolloutConditionTypes.ReasonInvalidSpec);
            });
        row("InvalidSpec_BadPauseDuration_Refused",
            () => ObservationBuilder.Canary(10, "w10", "pxyz").WithStable(10).WithNew(0),
            d => d.InPhase(RolloutPhase.Degraded, "InvalidSpec"));
        row("InvalidSpec_Fixed_ConditionRemoved",
            () => MidCanary().Configure(b => b.Status.Conditions = [new RolloutCondition { Type = RolloutConditionTypes.InvalidSpec, Status = "True", Reason = "InvalidSpec", Message = "x" }]),
            d => Assert.DoesNotContain(d.Status.Conditions ?? [], c => c.Type == RolloutConditionTypes.InvalidSpec));
        row("InvalidSpec_KeepsStepAndPause",
            () => MidCanary().AtStep(3).PausedAtStep().Invalid("broken"),
            d =>
            {
                d.AtStep(3);
                Assert.NotNull(d.Status.PauseConditions);
            });
        row("MissingStableService_InvalidSpec",
            () => MidCanary().WithServices().Problem(RolloutObservation.ServiceKey("web-stable"), "service \"web-stable\" not found"),
            d => d.InPhase(RolloutPhase.Degraded, "stableService \"web-stable\" not found"));
        row("MissingCanaryService_InvalidSpec",
            () => MidCanary().WithServices().Problem(RolloutObservation.ServiceKey("web-canary"), "service \"web-canary\" not found"),
            d => d.InPhase(RolloutPhase.Degraded, "canaryService \"web-canary\" not found"));
        row("Services_MidCanary_StableAtStableCanaryAtNew",
            () => MidCanary().WithServices(),
            d =>
            {
                d.Has<PointService>(p => p.ServiceName == "web-stable" && p.PodHash == Stable);
                d.Has<PointService>(p => p.ServiceName == "web-canary" && p.PodHash == New);
            });
        row("Services_Promoted_BothAtNew",
            () => ObservationBuilder.Seed().Promoted(10).WithServices(),
            d =>
            {
                d.Has<PointService>(p => p.ServiceName == "web-stable" && p.PodHash == New);
                d.Has<PointService>(p => p.ServiceName == "web-canary" && p.PodHash == New);
            });
        row("Services_NoneConfigured_NoneTouched",
            () => MidCanary(),
            d => d.HasNo<PointService>());
        row("Limits_InvalidMaxSurge_InvalidSpec",
            () => MidCanary().WithLimits("abc%", null),
            d => d.InPhase(RolloutPhase.Degraded, "InvalidSpec"));
    }

    private static void CanaryScaleRows(AddRow row)
    {
        row("SetCanaryScale_Replicas_CanaryGrowsToThatCount",
            () => ObservationBuilder.Canary(10, "scale2", "p").WithStable(10).WithNew(0),
            d => d.Scales(New, 2));
        row("SetCanaryScale_AtCount_Advances",
            () => ObservationBuilder.Canary(10, "scale2", "p").WithStable(8).WithNew(2),
            d => d.AtStep(1));
        row("SetCanaryScale_Weight_SizesTheCanary",
            () => ObservationBuilder.Canary(10, "scalew40", "p").WithStable(10).WithNew(0),
            d => d.Scales(New, 3));
        row("SetCanaryScale_ThenSetWeight_ScaleStillApplies",
            () => ObservationBuilder.Canary(10, "scale2", "w50", "p").WithStable(8).WithNew(2).AtStep(1),
            d => d.AtStep(2));
        row("SetCanaryScale_Aborted_Ignored",
            () => ObservationBuilder.Canary(10, "scale2", "p").WithStable(8).WithNew(2).AtStep(1).Aborted(),
            d => d.Scales(Stable, 10));
    }
}
