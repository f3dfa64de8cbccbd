using System.Text.Json.Nodes;
using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>The operations exactly as kubectl-argo-rollouts patches them.</summary>
public sealed class OperationsTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    private const string IndefinitePause = "- setWeight: 50\n- pause: {}\n- setWeight: 100";

    private async Task<string> PausedOnV2Async()
    {
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", IndefinitePause));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", IndefinitePause));
        await WaitForRolloutAsync("web-app", "paused at pause {}", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 1);
        return first.Status!.StableRS!;
    }

    [Fact]
    public async Task IndefinitePause_Promote_WaitsThenCompletes()
    {
        var oldHash = await PausedOnV2Async();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var still = await GetRolloutAsync("web-app");
        Assert.Equal("Paused", still!.Status!.Phase);
        Assert.Equal(1, still.Status.CurrentStepIndex);

        await PatchStatusAsync("web-app", new JsonObject { ["pauseConditions"] = null });

        var done = await WaitForRolloutAsync("web-app", "healthy after promote", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash);
        Assert.Equal(3, done.Status!.CurrentStepIndex);
    }

    [Fact]
    public async Task Abort_ThenRetry_RestoresStableThenRestartsSteps()
    {
        var oldHash = await PausedOnV2Async();

        await PatchStatusAsync("web-app", new JsonObject { ["abort"] = true });
        var aborted = await WaitForRolloutAsync("web-app", "aborted to stable", r => r.Status?.Phase == "Degraded" && r.Status.UpdatedReplicas == 0 && r.Status.AvailableReplicas == 4);
        Assert.StartsWith("RolloutAborted", aborted.Status!.Message, StringComparison.Ordinal);
        Assert.Equal(0, aborted.Status.Canary!.Weights!.Canary.Weight);

        await PatchStatusAsync("web-app", new JsonObject { ["abort"] = false });
        var retried = await WaitForRolloutAsync("web-app", "paused again after retry", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 1 && r.Status.UpdatedReplicas == 2);
        Assert.Null(retried.Status!.Abort is true ? "still aborted" : null);

        await PatchStatusAsync("web-app", new JsonObject { ["pauseConditions"] = null });
        await WaitForRolloutAsync("web-app", "healthy after retry", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash);
    }

    [Fact]
    public async Task PromoteFull_SkipsRemainingSteps()
    {
        var oldHash = await PausedOnV2Async();

        await PatchStatusAsync("web-app", new JsonObject { ["promoteFull"] = true });

        var done = await WaitForRolloutAsync("web-app", "healthy after promote --full", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash);
        Assert.Null(done.Status!.PromoteFull);
    }

    [Fact]
    public async Task TemplateBackToStable_MidRollout_RollsBackWithoutSteps()
    {
        var oldHash = await PausedOnV2Async();

        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", IndefinitePause));

        var back = await WaitForRolloutAsync("web-app", "healthy on v1 again", r => r.Status?.Phase == "Healthy" && r.Status.CurrentPodHash == oldHash && r.Status.Replicas == 4);
        Assert.Equal(oldHash, back.Status!.StableRS);
        var replicaSets = await ReplicaSetsAsync();
        Assert.All(replicaSets.Where(rs => Hash(rs) != oldHash), rs => Assert.Equal(0, SpecReplicas(rs)));
    }

    [Fact]
    public async Task ScaleSubresource_HpaShapedWrite_ScalesTheStableReplicaSet()
    {
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", IndefinitePause));
        await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);

        var scaled = await Plane.KubectlAsAdminAsync("scale", "rollout", "web-app", "-n", Namespace, "--replicas=6");
        Assert.True(scaled.Succeeded, scaled.ToString());

        var rollout = await WaitForRolloutAsync("web-app", "six available", r => r.Status?.AvailableReplicas == 6 && r.Status.Phase == "Healthy");
        var replicaSet = Assert.Single(await ReplicaSetsAsync());
        Assert.Equal(6, SpecReplicas(replicaSet));
        Assert.Equal(6, rollout.Status!.HpaReplicas);
    }

    [Fact]
    public async Task ManualPause_SpecPaused_HoldsTheStep()
    {
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", "- setWeight: 50\n- pause: {duration: 1s}\n- setWeight: 100"));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        await PatchSpecAsync("web-app", new JsonObject { ["paused"] = true });
        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", "- setWeight: 50\n- pause: {duration: 1s}\n- setWeight: 100"));

        var paused = await WaitForRolloutAsync("web-app", "manually paused", r => r.Status?.Phase == "Paused" && r.Status.CurrentPodHash != first.Status!.StableRS);
        Assert.Equal("manually paused", paused.Status!.Message);

        await PatchSpecAsync("web-app", new JsonObject { ["paused"] = false });
        await WaitForRolloutAsync("web-app", "healthy after unpause", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != first.Status!.StableRS);
    }

    [Fact]
    public async Task ProgressDeadlineAbort_PodsNeverReady_AbortsToStable()
    {
        var steps = "- setWeight: 50\n- pause: {}";
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", steps));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        Pods.Enabled = false;
        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", steps).Replace("  replicas: 4", "  replicas: 4\n  progressDeadlineSeconds: 5\n  progressDeadlineAbort: true", StringComparison.Ordinal));

        var aborted = await WaitForRolloutAsync("web-app", "aborted by the progress deadline", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true);
        Assert.Contains("timed out progressing", aborted.Status!.Message, StringComparison.Ordinal);
        Assert.Equal(first.Status!.StableRS, aborted.Status.StableRS);
        Pods.Enabled = true;
        await WaitForRolloutAsync("web-app", "canary scaled away", r => r.Status?.UpdatedReplicas == 0 && r.Status.AvailableReplicas == 4);
    }

    [Fact]
    public async Task KubectlPlugin_GetAndPromote_ShowsStepsAndPromotes()
    {
        var oldHash = await PausedOnV2Async();

        var (getExit, view) = await PluginRunner.RunAsync(Plane.AdminKubeconfigPath, "get", "rollout", "web-app", "-n", Namespace);
        Assert.True(getExit == 0, view);
        Assert.Contains("→  2. pause: until promoted", view, StringComparison.Ordinal);
        Assert.Matches(@"web-app-\w+\s+canary\s+2\s+2\s+2\s+2", view);
        Assert.Matches(@"web-app-\w+\s+stable\s+2\s+2\s+2\s+2", view);

        var (promoteExit, promoted) = await PluginRunner.RunAsync(Plane.AdminKubeconfigPath, "promote", "web-app", "-n", Namespace);
        Assert.True(promoteExit == 0, promoted);

        await WaitForRolloutAsync("web-app", "healthy after plugin promote", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash);
    }
}
