using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed partial class CanaryStateMachineTests
{
    private const string CanaryMeta = """{"labels":{"role":"canary"}}""";
    private const string StableMeta = """{"labels":{"role":"stable"},"annotations":{"tier":"prod"}}""";

    private static void ThresholdAndWindowRows(AddRow row)
    {
        row("ReplicaProgressThreshold_PodsMet_StepAdvancesBeforeAllAreAvailable",
            () => ObservationBuilder.Canary(10, "w50", "p").WithStable(5).WithNew(5, available: 3)
                .WithJson((b, j) => b.Strategy.ReplicaProgressThreshold = j, """{"type":"Pod","value":3}"""),
            d => d.AtStep(1));
        row("ReplicaProgressThreshold_PodsNotMet_Waits",
            () => ObservationBuilder.Canary(10, "w50", "p").WithStable(5).WithNew(5, available: 2)
                .WithJson((b, j) => b.Strategy.ReplicaProgressThreshold = j, """{"type":"Pod","value":3}"""),
            d => d.AtStep(0));
        row("ReplicaProgressThreshold_PercentMet_Advances",
            () => ObservationBuilder.Canary(10, "w50", "p").WithStable(5).WithNew(5, available: 3)
                .WithJson((b, j) => b.Strategy.ReplicaProgressThreshold = j, """{"type":"Percent","value":60}"""),
            d => d.AtStep(1));
        row("ReplicaProgressThreshold_PercentNotMet_Waits",
            () => ObservationBuilder.Canary(10, "w50", "p").WithStable(5).WithNew(5, available: 3)
                .WithJson((b, j) => b.Strategy.ReplicaProgressThreshold = j, """{"type":"Percent","value":61}"""),
            d => d.AtStep(0));
        row("ReplicaProgressThreshold_Unset_AllPodsNeeded",
            () => ObservationBuilder.Canary(10, "w50", "p").WithStable(5).WithNew(5, available: 4),
            d => d.AtStep(0));
        row("ReplicaProgressThreshold_Met_CanaryPromotedAtTheEnd",
            () => ObservationBuilder.Canary(10, "w50").WithStable(0).WithNew(10, available: 8).AtStep(1)
                .WithJson((b, j) => b.Strategy.ReplicaProgressThreshold = j, """{"type":"Percent","value":80}"""),
            d => Assert.Equal(New, d.Status.StableRS));
        row("RollbackWindow_BackToARecentRevision_SkipsSteps",
            () => ObservationBuilder.Seed().TemplateChanged().WithStable(10, revision: 2).WithNew(2, revision: 1, ageMinutes: 300)
                .WithJson((b, j) => b.Spec.RollbackWindow = j, """{"revisions":1}"""),
            d => d.AtStep(7));
        row("RollbackWindow_Unset_StepsRunAgain",
            () => ObservationBuilder.Seed().TemplateChanged().WithStable(10, revision: 2).WithNew(2, revision: 1, ageMinutes: 300),
            d => d.AtStep(0));
        row("RollbackWindow_TooManyRevisionsBetween_StepsRunAgain",
            () => ObservationBuilder.Seed().TemplateChanged().WithStable(10, revision: 3).WithNew(2, revision: 1, ageMinutes: 300).WithOld("mid", 0, revision: 2, ageMinutes: 200)
                .WithJson((b, j) => b.Spec.RollbackWindow = j, """{"revisions":1}"""),
            d => d.AtStep(0));
        row("RollbackWindow_ScaledDownTarget_TheChangingReconcileKeepsStepZeroAsArgo",
            () => ObservationBuilder.Seed().TemplateChanged().WithStable(10, revision: 2).WithNew(0, revision: 1, ageMinutes: 300)
                .WithJson((b, j) => b.Spec.RollbackWindow = j, """{"revisions":1}"""),
            d => d.AtStep(0));
        row("RollbackWindow_ScaledDownTarget_NextReconcileSkipsStepsAsArgo",
            () => ObservationBuilder.Seed().WithStable(10, revision: 2).WithNew(0, revision: 1, ageMinutes: 300)
                .WithJson((b, j) => b.Spec.RollbackWindow = j, """{"revisions":1}"""),
            d => d.AtStep(7));
        row("RollbackWindow_WithinWindowWhileAborted_AbortCleared",
            () => ObservationBuilder.Seed().WithStable(10, revision: 2).WithNew(2, revision: 1, ageMinutes: 300).Aborted()
                .WithJson((b, j) => b.Spec.RollbackWindow = j, """{"revisions":2}"""),
            d =>
            {
                d.NotAborted();
                d.AtStep(7);
            });
    }

    private static void EphemeralMetadataRows(AddRow row)
    {
        row("EphemeralMetadata_MidCanary_CanaryAndStableGetTheirRoles",
            () => MidCanary().WithJson((b, j) => b.Strategy.CanaryMetadata = j, CanaryMeta).WithJson((b, j) => b.Strategy.StableMetadata = j, StableMeta),
            d =>
            {
                d.Has<SyncPodMetadata>(m => m.Name == "web-new" && m.Desired == CanaryMeta);
                d.Has<SyncPodMetadata>(m => m.Name == "web-stable" && m.Desired == StableMeta);
            });
        row("EphemeralMetadata_AlreadySynced_NothingToDo",
            () => ObservationBuilder.Seed().WithStable(7, injectedMetadata: StableMeta).WithNew(3, injectedMetadata: CanaryMeta).AtStep(2)
                .WithJson((b, j) => b.Strategy.CanaryMetadata = j, CanaryMeta).WithJson((b, j) => b.Strategy.StableMetadata = j, StableMeta),
            d => d.HasNo<SyncPodMetadata>());
        row("EphemeralMetadata_Promoted_NewPodsBecomeStable",
            () => ObservationBuilder.Seed().Promoted(10).WithJson((b, j) => b.Strategy.CanaryMetadata = j, CanaryMeta).WithJson((b, j) => b.Strategy.StableMetadata = j, StableMeta),
            d => d.Has<SyncPodMetadata>(m => m.Name == "web-new" && m.Desired == StableMeta));
        row("EphemeralMetadata_OldReplicaSet_MetadataTakenOff",
            () => ObservationBuilder.Seed().Promoted(10, revision: 2).WithOld("old", 0, revision: 1)
                .Configure(b => b.Strategy.StableMetadata = System.Text.Json.JsonDocument.Parse(StableMeta).RootElement.Clone()),
            d => d.HasNo<SyncPodMetadata>(m => m.Name == "web-old"));
        row("EphemeralMetadata_NewCanaryReplicaSet_CreatedWithCanaryMetadata",
            () => ObservationBuilder.Seed().TemplateChanged().WithStable(10, injectedMetadata: StableMeta)
                .WithJson((b, j) => b.Strategy.CanaryMetadata = j, CanaryMeta).WithJson((b, j) => b.Strategy.StableMetadata = j, StableMeta),
            d =>
            {
                d.Has<CreateReplicaSet>(c => c.PodMetadata == CanaryMeta);
                d.HasNo<SyncPodMetadata>();
            });
        row("EphemeralMetadata_FirstDeploy_CreatedWithStableMetadata",
            () => ObservationBuilder.Seed().FirstDeploy().WithJson((b, j) => b.Strategy.StableMetadata = j, StableMeta),
            d => d.Has<CreateReplicaSet>(c => c.PodMetadata == StableMeta));
        row("EphemeralMetadata_CompletedInThisDecision_CanaryPodsBecomeStable",
            () => ObservationBuilder.Canary(10, "w50", "p", "w100").WithStable(0, injectedMetadata: StableMeta).WithNew(10, injectedMetadata: CanaryMeta).AtStep(3)
                .WithJson((b, j) => b.Strategy.CanaryMetadata = j, CanaryMeta).WithJson((b, j) => b.Strategy.StableMetadata = j, StableMeta),
            d =>
            {
                Assert.Equal(New, d.Status.StableRS);
                d.Has<SyncPodMetadata>(m => m.Name == "web-new" && m.Previous == CanaryMeta && m.Desired == StableMeta);
                d.Has<SyncPodMetadata>(m => m.Name == "web-stable" && m.Desired is null);
            });
        row("EphemeralMetadata_NoneConfigured_NoneTouched",
            () => MidCanary(),
            d => d.HasNo<SyncPodMetadata>());
        row("EphemeralMetadata_SyncedBeforeScaling",
            () => ObservationBuilder.Seed().WithStable(10).WithNew(0).WithJson((b, j) => b.Strategy.CanaryMetadata = j, CanaryMeta),
            d =>
            {
                var intents = d.Intents.ToList();
                Assert.True(intents.FindIndex(i => i is SyncPodMetadata { Name: "web-new" }) < intents.FindIndex(i => i is ScaleReplicaSet { Name: "web-new" }));
            });
    }
}
