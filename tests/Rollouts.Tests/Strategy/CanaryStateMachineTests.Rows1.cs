using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed partial class CanaryStateMachineTests
{
    private delegate void AddRow(string name, Func<ObservationBuilder> given, Action<RolloutDecision> then);

    private static void FirstDeployRows(AddRow row)
    {
        row("FirstDeploy_NoReplicaSet_CreatesItAtFullSizeAsRevisionOne",
            () => ObservationBuilder.Canary(5, "w10", "p").FirstDeploy(),
            d =>
            {
                d.Has<CreateReplicaSet>(c => c.PodHash == New && c.Replicas == 5 && c.Revision == 1);
                d.Has<SetRolloutRevision>(r => r.Revision == 1);
            });
        row("FirstDeploy_NoReplicaSet_SkipsSteps",
            () => ObservationBuilder.Canary(5, "w10", "p").FirstDeploy(),
            d => d.AtStep(2));
        row("FirstDeploy_ReplicaSetNotReady_StableAtOnceAndProgressing",
            () => ObservationBuilder.Canary(5, "w10", "p").FirstDeploy().WithNew(5, available: 0, revision: 1),
            d =>
            {
                Assert.Equal(New, d.Status.StableRS);
                d.InPhase(RolloutPhase.Progressing, "updated replicas are still becoming available");
            });
        row("FirstDeploy_AllAvailable_Healthy",
            () => ObservationBuilder.Canary(5, "w10", "p").FirstDeploy().WithNew(5, revision: 1),
            d =>
            {
                d.InPhase(RolloutPhase.Healthy);
                d.Condition(RolloutConditionTypes.Completed, "True", RolloutConditionTypes.ReasonCompleted);
                d.Condition(RolloutConditionTypes.Progressing, "True", RolloutConditionTypes.ReasonNewReplicaSetAvailable);
            });
        row("FirstDeploy_NoSteps_Healthy",
            () => ObservationBuilder.Canary(3).FirstDeploy().WithNew(3, revision: 1),
            d => d.InPhase(RolloutPhase.Healthy));
        row("FirstDeploy_WithServices_PointsBothAtTheFirstRevision",
            () => ObservationBuilder.Canary(3, "w50").FirstDeploy().WithNew(3, revision: 1).WithServices(),
            d =>
            {
                d.Has<PointService>(p => p.ServiceName == "web-stable" && p.PodHash == New);
                d.Has<PointService>(p => p.ServiceName == "web-canary" && p.PodHash == New);
            });
        row("FirstDeploy_ZeroReplicas_CreatesEmptyReplicaSet",
            () => ObservationBuilder.Canary(0, "w50").FirstDeploy(),
            d => d.Has<CreateReplicaSet>(c => c.Replicas == 0));
    }

    private static void SteadyStateRows(AddRow row)
    {
        row("Promoted_Settled_WritesNothing",
            () => ObservationBuilder.Seed().Promoted(10),
            d =>
            {
                d.WritesNothing();
                d.InPhase(RolloutPhase.Healthy);
            });
        row("Promoted_Settled_ConditionsAsArgo",
            () => ObservationBuilder.Seed().Promoted(10),
            d =>
            {
                d.Condition(RolloutConditionTypes.Healthy, "True", RolloutConditionTypes.ReasonHealthy);
                d.Condition(RolloutConditionTypes.Available, "True", RolloutConditionTypes.ReasonAvailable);
                d.Condition(RolloutConditionTypes.Paused, "False", "RolloutResumed");
            });
        row("Promoted_SpecReplicasRaised_ScalesUp",
            () => ObservationBuilder.Seed().Promoted(10).Configure(b => b.Spec.Replicas = 12),
            d => d.Scales(New, 12));
        row("Promoted_SpecReplicasLowered_ScalesDown",
            () => ObservationBuilder.Seed().Promoted(10).Configure(b => b.Spec.Replicas = 8),
            d => d.Scales(New, 8));
        row("Promoted_ScaledToZero_ScalesDown",
            () => ObservationBuilder.Seed().Promoted(10).Configure(b => b.Spec.Replicas = 0),
            d => d.Scales(New, 0));
        row("Promoted_OldReplicaSetWithPods_ScaledDownWithinAvailability",
            () => ObservationBuilder.Seed().Promoted(10, revision: 2).WithOld("old", 3),
            d => d.Scales("old", 0));
        row("Promoted_RolloutRevisionMissing_WritesIt",
            () => ObservationBuilder.Seed().Promoted(10, revision: 4).Configure(ClearRevisionAnnotation),
            d => d.Has<SetRolloutRevision>(r => r.Revision == 4));
        row("Promoted_PodsNotAvailable_Progressing",
            () => ObservationBuilder.Seed().Promoted(10, available: 7),
            d => d.InPhase(RolloutPhase.Progressing, "updated replicas are still becoming available"));
        row("Promoted_WeightZeroAfterPromotion",
            () => ObservationBuilder.Seed().Promoted(10),
            d => d.Weight(0));
        row("Promoted_SelectorSerialized",
            () => ObservationBuilder.Seed().Promoted(10),
            d => Assert.Equal("rollouts.tollgate.dev/rollout=web", d.Status.Selector));
        row("Promoted_ObservedGenerationAsString",
            () => ObservationBuilder.Seed().Promoted(10),
            d => Assert.Equal("1", d.Status.ObservedGeneration));
    }

    private static void ClearRevisionAnnotation(ObservationBuilder builder) => builder.Annotations.Clear();

    private static void TemplateChangeRows(AddRow row)
    {
        row("TemplateChange_FromStable_CreatesCanaryAtZeroWithNextRevision",
            () => ObservationBuilder.Seed().TemplateChanged().WithStable(10, revision: 1),
            d =>
            {
                d.Has<CreateReplicaSet>(c => c.PodHash == New && c.Replicas == 0 && c.Revision == 2);
                d.Has<SetRolloutRevision>(r => r.Revision == 2);
                d.AtStep(0);
            });
        row("TemplateChange_FromStable_NoScalingUntilTheReplicaSetExists",
            () => ObservationBuilder.Seed().TemplateChanged().WithStable(10),
            d => d.DoesNotScale());
        row("TemplateChange_RecordsNewPodHash",
            () => ObservationBuilder.Seed().TemplateChanged().WithStable(10),
            d => Assert.Equal(New, d.Status.CurrentPodHash));
        row("TemplateChange_WhilePaused_ClearsPause",
            () => ObservationBuilder.Seed().TemplateChanged("mid").WithStable(9).WithOld("mid", 1, revision: 2).AtStep(1).PausedAtStep(),
            d => d.NotPaused());
        row("TemplateChange_WhileAborted_ClearsAbort",
            () => ObservationBuilder.Seed().TemplateChanged("mid").WithStable(10).WithOld("mid", 0, revision: 2).Aborted(),
            d => d.NotAborted());
        row("TemplateChange_ClearsPromoteFull",
            () => ObservationBuilder.Seed().TemplateChanged("mid").WithStable(10).PromoteFull(),
            d => Assert.Null(d.Status.PromoteFull));
        row("TemplateChange_ClearsStepAnalysisStatus",
            () => ObservationBuilder.Seed().TemplateChanged("mid").WithStable(10)
                .Configure(b => b.Status.Canary = new CanaryStatus { CurrentStepAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = "web-mid-1", Status = "Running" } }),
            d => Assert.Null(d.Status.Canary?.CurrentStepAnalysisRunStatus));
        row("TemplateChange_BackToStable_SkipsSteps",
            () => ObservationBuilder.Seed().Promoted(9, revision: 1).TemplateChanged("mid").AtStep(1).WithOld("mid", 1, revision: 2),
            d => d.AtStep(7));
        row("TemplateChange_BackToStable_ReusedReplicaSetGetsNextRevision",
            () => ObservationBuilder.Seed().Promoted(9, revision: 1).TemplateChanged("mid").AtStep(1).WithOld("mid", 1, revision: 2),
            d =>
            {
                d.Has<SetReplicaSetRevision>(r => r.Name == "web-new" && r.Revision == 3);
                d.Has<SetRolloutRevision>(r => r.Revision == 3);
            });
        row("TemplateChange_BackToStable_IntermediateScaledDown",
            () => ObservationBuilder.Seed().Promoted(9, revision: 1).TemplateChanged("mid").AtStep(1).WithOld("mid", 1, revision: 2),
            d =>
            {
                d.Scales(New, 10);
                d.Scales("mid", 0);
            });
        row("TemplateChange_ToExistingOldReplicaSet_ReusesItWithoutCreating",
            () => ObservationBuilder.Seed().TemplateChanged().WithStable(10, revision: 3).WithNew(0, revision: 1),
            d =>
            {
                d.HasNo<CreateReplicaSet>();
                d.Has<SetReplicaSetRevision>(r => r.Name == "web-new" && r.Revision == 4);
            });
    }
}
