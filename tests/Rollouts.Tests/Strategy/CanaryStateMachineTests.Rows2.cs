using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed partial class CanaryStateMachineTests
{
    private static void SetWeightRows(AddRow row)
    {
        row("SetWeight_FromStable_CanaryGetsSurgeRoomFirst",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0),
            d =>
            {
                d.Scales(New, 1);
                d.Scales(Stable, 9);
            });
        row("SetWeight_NotAtCounts_DoesNotAdvance",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0),
            d =>
            {
                d.AtStep(0);
                Assert.NotNull(d.RequeueAfter);
            });
        row("SetWeight_AtCounts_Advances",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1),
            d => d.AtStep(1));
        row("SetWeight_CanaryNotAvailable_DoesNotAdvance",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1, available: 0),
            d => d.AtStep(0));
        row("SetWeight_StableStillTerminatingPods_DoesNotAdvance",
            () => ObservationBuilder.Seed().WithStable(9, replicas: 10).WithNew(1),
            d => d.AtStep(0));
        row("SetWeight_SpecPaused_DoesNotAdvance",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).SpecPaused(),
            d =>
            {
                d.AtStep(0);
                d.InPhase(RolloutPhase.Paused, "manually paused");
            });
        row("SetWeight_Progressing_StatusWeightIsStepWeight",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).AtStep(2),
            d => d.Weight(30));
        row("SetWeight_Progressing_ConditionReplicaSetUpdated",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0),
            d =>
            {
                d.InPhase(RolloutPhase.Progressing);
                d.Condition(RolloutConditionTypes.Progressing, "True", RolloutConditionTypes.ReasonReplicaSetUpdated);
            });
        row("SetWeight_LastStepDone_CanaryBecomesStable",
            () => ObservationBuilder.Canary(10, "w10").WithStable(0).WithNew(10).AtStep(1),
            d =>
            {
                Assert.Equal(New, d.Status.StableRS);
                d.Condition(RolloutConditionTypes.Completed, "True", RolloutConditionTypes.ReasonCompleted);
            });
        row("SetWeight_LastStepDoneCanaryNotAvailable_NotYetStable",
            () => ObservationBuilder.Canary(10, "w10").WithStable(0).WithNew(10, available: 8).AtStep(1),
            d => Assert.Equal(Stable, d.Status.StableRS));
        row("SetWeight_Weight100_ScalesCanaryToFull",
            () => ObservationBuilder.Seed().WithStable(5).WithNew(5).AtStep(6),
            d => d.Scales(New, 8));
        row("SetWeight_StepCompleted_RequeuesAtOnce",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1),
            d => Assert.True(d.RequeueAfter <= TimeSpan.FromMilliseconds(100)));
    }

    private static void PauseRows(AddRow row)
    {
        row("PauseStep_Reached_AddsPauseCondition",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1),
            d =>
            {
                d.PausedFor(Pause);
                d.InPhase(RolloutPhase.Paused, Pause);
                d.Condition(RolloutConditionTypes.Paused, "True", Pause);
                d.Condition(RolloutConditionTypes.Progressing, "True", RolloutConditionTypes.ReasonRolloutPaused);
            });
        row("PauseStep_Reached_StartTimeIsNow",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1),
            d => Assert.Equal(ObservationBuilder.Now, d.Status.PauseConditions![0].StartTime));
        row("PauseStep_Indefinite_StaysPausedWithoutWrites",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1).PausedAtStep(TimeSpan.FromHours(5)),
            d =>
            {
                d.PausedFor(Pause);
                d.AtStep(1);
                d.WritesNothing();
            });
        row("PauseStep_Resumed_Advances",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1).Resumed(),
            d =>
            {
                d.AtStep(2);
                d.NotPaused();
            });
        row("PauseStep_ResumedWhileSpecPaused_ResumeIsLostAsInArgo",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1).Resumed().SpecPaused(),
            d =>
            {
                d.AtStep(1);
                Assert.Null(d.Status.ControllerPause);
            });
        row("PauseStep_NotControllerPaused_PausesAgain",
            () => ObservationBuilder.Seed().WithStable(9).WithNew(1).AtStep(1).Configure(b => b.Status.ControllerPause = null),
            d => d.PausedFor(Pause));
        row("TimedPause_Reached_RequeuesForItsDuration",
            () => ObservationBuilder.Canary(10, "w10", "p30s", "w50").WithStable(9).WithNew(1).AtStep(1),
            d =>
            {
                d.PausedFor(Pause);
                Assert.Equal(TimeSpan.FromSeconds(30), d.RequeueAfter);
            });
        row("TimedPause_ManuallyPromotedEarly_Advances",
            () => ObservationBuilder.Canary(10, "w10", "p1h", "w50").WithStable(9).WithNew(1).AtStep(1).Resumed(),
            d => d.AtStep(2));
        foreach (var (text, seconds) in new[] { ("p30s", 30), ("p45", 45), ("p1m", 60), ("p2h", 7200), ("p0s", 0) })
        {
            if (seconds > 0)
            {
                row($"TimedPause_{text[1..]}_NotElapsed_StaysPausedAndRequeuesForTheRest",
                    () => ObservationBuilder.Canary(10, "w10", text, "w50").WithStable(9).WithNew(1).AtStep(1).PausedAtStep(TimeSpan.FromSeconds(seconds - 1)),
                    d =>
                    {
                        d.AtStep(1);
                        d.PausedFor(Pause);
                        Assert.Equal(TimeSpan.FromSeconds(1), d.RequeueAfter);
                    });
            }

            row($"TimedPause_{text[1..]}_Elapsed_Advances",
                () => ObservationBuilder.Canary(10, "w10", text, "w50").WithStable(9).WithNew(1).AtStep(1).PausedAtStep(TimeSpan.FromSeconds(seconds + 1)),
                d =>
                {
                    d.AtStep(2);
                    d.NotPaused();
                });
        }

        row("PauseStep_WhileAnotherPauseReasonStays_ControllerPauseKept",
            () => ObservationBuilder.Canary(10, "w10", "p5s", "w50").WithStable(9).WithNew(1).AtStep(1)
                .PausedAtStep(TimeSpan.FromSeconds(10)).PausedBy(Inconclusive, TimeSpan.FromSeconds(10)),
            d =>
            {
                d.AtStep(2);
                d.PausedFor(Inconclusive);
            });
    }

    private static ObservationBuilder AtAnalysisStep() => ObservationBuilder.Canary(10, "w10", "a", "w50").WithStable(9).WithNew(1).AtStep(1);

    private static void AnalysisStepRows(AddRow row)
    {
        row("AnalysisStep_NoRun_CreatesRunNamedForTheStep",
            AtAnalysisStep,
            d =>
            {
                d.Has<CreateAnalysisRun>(r => r.Name == "web-new-1" && r.StepIndex == 1 && r.PodHash == New);
                Assert.Equal("Pending", d.Status.Canary?.CurrentStepAnalysisRunStatus?.Status);
            });
        row("AnalysisStep_Running_WaitsWithoutCreatingAnother",
            () => AtAnalysisStep().WithStepRun(1, "Running"),
            d =>
            {
                d.AtStep(1);
                d.HasNo<CreateAnalysisRun>();
                Assert.Equal("Running", d.Status.Canary?.CurrentStepAnalysisRunStatus?.Status);
            });
        row("AnalysisStep_Pending_Waits",
            () => AtAnalysisStep().WithStepRun(1, ""),
            d => d.AtStep(1));
        row("AnalysisStep_Successful_Advances",
            () => AtAnalysisStep().WithStepRun(1, "Successful"),
            d => d.AtStep(2));
        row("AnalysisStep_Failed_Aborts",
            () => AtAnalysisStep().WithStepRun(1, "Failed"),
            d =>
            {
                d.IsAborted("AnalysisRun web-new-1 Failed");
                d.AtStep(0);
                d.Weight(0);
            });
        row("AnalysisStep_Error_Aborts",
            () => AtAnalysisStep().WithStepRun(1, "Error"),
            d => d.IsAborted("AnalysisRun web-new-1 Error"));
        row("AnalysisStep_Failed_AbortDetailForTheEvent",
            () => AtAnalysisStep().WithStepRun(1, "Failed"),
            d => Assert.Contains("metric error-rate assessed Failed", d.AbortDetail, StringComparison.Ordinal));
        row("AnalysisStep_Failed_ProgressingFalseRolloutAborted",
            () => AtAnalysisStep().WithStepRun(1, "Failed"),
            d => d.Condition(RolloutConditionTypes.Progressing, "False", RolloutConditionTypes.ReasonRolloutAborted));
        row("AnalysisStep_Inconclusive_PausesForInconclusive",
            () => AtAnalysisStep().WithStepRun(1, "Inconclusive"),
            d =>
            {
                d.PausedFor(Inconclusive);
                d.AtStep(1);
            });
        row("AnalysisStep_InconclusiveStillPaused_Stays",
            () => AtAnalysisStep().WithStepRun(1, "Inconclusive").PausedBy(Inconclusive, TimeSpan.FromMinutes(1))
                .Configure(b => b.Status.Canary = new CanaryStatus { CurrentStepAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = "web-new-1", Status = "Inconclusive" } }),
            d =>
            {
                d.AtStep(1);
                d.PausedFor(Inconclusive);
            });
        row("AnalysisStep_InconclusivePromoted_Advances",
            () => AtAnalysisStep().WithStepRun(1, "Inconclusive").Resumed()
                .Configure(b => b.Status.Canary = new CanaryStatus { CurrentStepAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = "web-new-1", Status = "Inconclusive" } }),
            d =>
            {
                d.AtStep(2);
                d.NotPaused();
            });
        row("AnalysisStep_RunCannotBeBuilt_AbortsWithTheReason",
            () => AtAnalysisStep().Problem("web-new-1", "AnalysisTemplate \"error-rate\" not found"),
            d => d.IsAborted("analysis step 2: AnalysisTemplate \"error-rate\" not found"));
        row("AnalysisStep_Aborted_TerminatesTheRunningRun",
            () => AtAnalysisStep().WithStepRun(1, "Running").Aborted(),
            d => d.Has<TerminateAnalysisRun>(t => t.Name == "web-new-1"));
        row("AnalysisStep_RunOfAnotherRevisionRunning_Terminated",
            () => AtAnalysisStep().WithStepRun(1, "Running", hash: "old"),
            d => d.Has<TerminateAnalysisRun>(t => t.Name == "web-old-1"));
        row("AnalysisStep_RunAlreadyTerminating_NotAskedAgain",
            () => AtAnalysisStep().WithStepRun(1, "Running", hash: "old", terminate: true),
            d => d.HasNo<TerminateAnalysisRun>());
        row("AnalysisStep_CompletedRunOfAnotherRevision_LeftAlone",
            () => AtAnalysisStep().WithStepRun(1, "Successful", hash: "old"),
            d => d.HasNo<TerminateAnalysisRun>());
        row("AnalysisStep_SpecPaused_DoesNotCreateRun",
            () => AtAnalysisStep().SpecPaused(),
            d => d.HasNo<CreateAnalysisRun>());
        row("AnalysisStep_Ahead_NotCreatedBeforeItsTurn",
            () => ObservationBuilder.Canary(10, "w10", "a").WithStable(10).WithNew(0),
            d => d.HasNo<CreateAnalysisRun>());
    }

    private static ObservationBuilder WithBackground(int step = 0, int? startingStep = null) =>
        ObservationBuilder.Canary(10, "w10", "p", "w50").WithStable(9).WithNew(1).AtStep(step).WithBackgroundAnalysis(startingStep);

    private static void BackgroundAnalysisRows(AddRow row)
    {
        row("Background_NoRun_CreatesTheRevisionsRun",
            () => WithBackground(),
            d => d.Has<CreateAnalysisRun>(r => r.Name == "web-new-background" && r.StepIndex is null));
        row("Background_BeforeStartingStep_NotCreated",
            () => WithBackground(0, startingStep: 2),
            d => d.HasNo<CreateAnalysisRun>());
        row("Background_AtStartingStep_Created",
            () => WithBackground(2, startingStep: 2).WithStable(5).WithNew(5),
            d => d.Has<CreateAnalysisRun>(r => r.Name == "web-new-background"));
        row("Background_Running_StepsProceed",
            () => WithBackground().WithBackgroundRun("Running"),
            d =>
            {
                d.AtStep(1);
                Assert.Equal("Running", d.Status.Canary?.CurrentBackgroundAnalysisRunStatus?.Status);
            });
        row("Background_Failed_Aborts",
            () => WithBackground().WithBackgroundRun("Failed"),
            d => d.IsAborted("AnalysisRun web-new-background Failed"));
        row("Background_Error_Aborts",
            () => WithBackground().WithBackgroundRun("Error"),
            d => d.IsAborted());
        row("Background_Inconclusive_Pauses",
            () => WithBackground().WithBackgroundRun("Inconclusive"),
            d => d.PausedFor(Inconclusive));
        row("Background_Inconclusive_StepsWait",
            () => WithBackground().WithBackgroundRun("Inconclusive"),
            d => d.AtStep(0));
        row("Background_InconclusivePromoted_DeletedToMeasureAgain",
            () => WithBackground().WithBackgroundRun("Inconclusive").Resumed(),
            d => d.Has<DeleteAnalysisRun>(r => r.Name == "web-new-background"));
        row("Background_Successful_NoEffectOnSteps",
            () => WithBackground().WithBackgroundRun("Successful"),
            d => d.AtStep(1));
        row("Background_RolloutPromoted_RunningRunTerminated",
            () => ObservationBuilder.Seed().Promoted(10).WithBackgroundAnalysis().WithBackgroundRun("Running"),
            d =>
            {
                d.Has<TerminateAnalysisRun>(t => t.Name == "web-new-background");
                Assert.Null(d.Status.Canary?.CurrentBackgroundAnalysisRunStatus);
            });
        row("Background_RunCannotBeBuilt_Aborts",
            () => WithBackground().Problem("web-new-background", "argument \"service\" has no value"),
            d => d.IsAborted("background analysis: argument \"service\" has no value"));
        row("Background_Aborted_NotCreated",
            () => WithBackground().Aborted(),
            d => d.HasNo<CreateAnalysisRun>());
    }
}
