using System.Text.Json.Nodes;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing.ControlPlane;
using Tollgate.Testing;

namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>spec.workloadRef to a running Deployment, as Argo's docs/migrating.md describes the migration.</summary>
[Collection(SecondPlaneCollection.Name)]
public sealed class WorkloadRefTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    private static string Deployment(int version) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: registry.local/web:v{{version}}
        """;

    private static string Rollout(string scaleDown) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: web
          workloadRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
            scaleDown: {{scaleDown}}
          strategy:
            canary:
              steps:
              - setWeight: 25
              - pause: {}
              - setWeight: 50
              - pause: {}
        """;

    [Fact]
    public async Task OnSuccess_RolloutPodsUnavailable_DeploymentKeptThenScaledToZeroOnceHealthy()
    {
        await RunningDeploymentAsync();
        Pods.Enabled = false;

        await ApplyAsync(Rollout("onsuccess"));

        var starting = await WaitForRolloutAsync("web", "rollout pods created", r => r.Status?.Replicas == 4 && r.Status.AvailableReplicas == 0);
        Assert.Equal(("4", "1"), (DeploymentReplicas(await DeploymentAsync()), starting.Status!.WorkloadObservedGeneration));
        var replicaSet = Assert.Single(await RolloutReplicaSetsAsync());
        Assert.Equal("registry.local/web:v1", replicaSet.Spec!.Template!.Spec!.Containers[0].Image);
        // The annotation is its own patch, not part of the status write the wait above saw.
        await TestControlPlane.WaitUntilAsync("workload-generation annotation", async _ =>
            (await GetRolloutAsync("web"))?.Metadata.Annotations?.TryGetValue("rollout.argoproj.io/workload-generation", out var generation) == true && generation == "1", TimeSpan.FromSeconds(30));
        Assert.Null((await GetRolloutAsync("web"))!.Spec.Template);

        Pods.Enabled = true;
        await WaitForDeploymentReplicasAsync(0);
        var healthy = await WaitForRolloutAsync("web", "healthy", r => r.Status?.Phase == "Healthy");
        Assert.Equal(4, healthy.Status!.AvailableReplicas);
    }

    [Fact]
    public async Task Progressively_RolloutPodsBecomeAvailable_DeploymentGivesUpOnlyWhatTheyCover()
    {
        await RunningDeploymentAsync();
        Pods.Enabled = false;

        await ApplyAsync(Rollout("progressively"));

        await WaitForRolloutAsync("web", "rollout pods created", r => r.Status?.Replicas == 4 && r.Status.AvailableReplicas == 0);
        Assert.Equal("4", DeploymentReplicas(await DeploymentAsync()));

        Pods.Enabled = true;
        var lowest = 8;
        await TestControlPlane.WaitUntilAsync("deployment scaled to 0", async token =>
        {
            var deployment = await Client.GetAsync<V1Deployment>("web", Namespace, token);
            var rollout = await Client.GetAsync<Rollout>("web", Namespace, token);
            // The Deployment is read first: the Rollout's available pods only grow here, so this never undercounts.
            lowest = Math.Min(lowest, (deployment!.Spec!.Replicas ?? 0) + (rollout!.Status?.AvailableReplicas ?? 0));
            return deployment.Spec.Replicas == 0;
        }, TimeSpan.FromSeconds(120));
        Assert.InRange(lowest, 4, 8);
        await WaitForRolloutAsync("web", "healthy", r => r.Status?.Phase == "Healthy");
    }

    [Fact]
    public async Task Never_RolloutHealthy_DeploymentLeftAlone()
    {
        await RunningDeploymentAsync();

        await ApplyAsync(Rollout("never"));
        await WaitForRolloutAsync("web", "healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        await PatchSpecAsync("web", new JsonObject { ["revisionHistoryLimit"] = 10 });
        await WaitForRolloutAsync("web", "reconciled again", r => r.Status?.ObservedGeneration == "2");

        Assert.Equal("4", DeploymentReplicas(await DeploymentAsync()));
    }

    [Fact]
    public async Task DeploymentChangedMidRollout_RestartsOnTheNewTemplateAndDeploymentStaysDown()
    {
        await RunningDeploymentAsync();
        await ApplyAsync(Rollout("onsuccess"));
        await WaitForDeploymentReplicasAsync(0);
        var first = await WaitForRolloutAsync("web", "healthy on v1", r => r.Status?.Phase == "Healthy");
        var v1 = first.Status!.StableRS!;

        await ApplyAsync(Deployment(2).Replace("replicas: 4", "replicas: 0", StringComparison.Ordinal));
        var v2 = (await WaitForRolloutAsync("web", "paused at step 1 on v2", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 1 && r.Status.CurrentPodHash != v1)).Status!.CurrentPodHash!;
        Assert.Equal("registry.local/web:v2", (await RolloutReplicaSetsAsync()).Single(rs => Hash(rs) == v2).Spec!.Template!.Spec!.Containers[0].Image);

        await ApplyAsync(Deployment(3).Replace("replicas: 4", "replicas: 0", StringComparison.Ordinal));
        var paused = await WaitForRolloutAsync("web", "paused at step 1 on v3",
            r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 1 && r.Status.CurrentPodHash != v1 && r.Status.CurrentPodHash != v2);
        var v3 = paused.Status!.CurrentPodHash!;
        Assert.Equal("4", paused.Status.WorkloadObservedGeneration);
        await TestControlPlane.WaitUntilAsync("v2 canary scaled down", async token =>
            SpecReplicas((await Client.ListAsync<V1ReplicaSet>(Namespace, cancellationToken: token)).Items.Single(rs => Hash(rs) == v2)) == 0, TimeSpan.FromSeconds(60));

        await PatchStatusAsync("web", new JsonObject { ["pauseConditions"] = null });
        await WaitForRolloutAsync("web", "paused at step 3", r => r.Status?.CurrentStepIndex == 3 && r.Status.Phase == "Paused");
        await PatchStatusAsync("web", new JsonObject { ["pauseConditions"] = null });
        var done = await WaitForRolloutAsync("web", "healthy on v3", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == v3);
        Assert.Equal("registry.local/web:v3", (await RolloutReplicaSetsAsync()).Single(rs => Hash(rs) == done.Status!.StableRS).Spec!.Template!.Spec!.Containers[0].Image);
        Assert.Equal("0", DeploymentReplicas(await DeploymentAsync()));
    }

    [Fact]
    public async Task MissingDeployment_InvalidSpecUntilItIsCreated()
    {
        await ApplyAsync(Rollout("onsuccess"));

        var invalid = await WaitForRolloutAsync("web", "invalid", r => r.Status?.Conditions?.Any(c => c.Type == "InvalidSpec") == true);
        Assert.Equal("spec.workloadRef: deployments.apps \"web\" not found", invalid.Status!.Conditions!.Single(c => c.Type == "InvalidSpec").Message);

        await ApplyAsync(Deployment(1));
        await WaitForRolloutAsync("web", "healthy once the Deployment exists", r => r.Status?.Phase == "Healthy" && r.Status.Conditions?.Any(c => c.Type == "InvalidSpec") != true);
    }

    private async Task RunningDeploymentAsync()
    {
        await ApplyAsync(Deployment(1));
        await TestControlPlane.WaitUntilAsync("Deployment available", async token =>
            (await Client.GetAsync<V1Deployment>("web", Namespace, token))?.Status?.AvailableReplicas == 4, TimeSpan.FromSeconds(90));
    }

    private async Task<V1Deployment> DeploymentAsync() => (await Client.GetAsync<V1Deployment>("web", Namespace))!;

    private static string DeploymentReplicas(V1Deployment deployment) => (deployment.Spec?.Replicas ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<V1ReplicaSet>> RolloutReplicaSetsAsync() => [.. (await ReplicaSetsAsync()).Where(rs => Hash(rs).Length > 0)];

    private Task WaitForDeploymentReplicasAsync(int replicas) =>
        TestControlPlane.WaitUntilAsync($"Deployment scaled to {replicas}", async token =>
            (await Client.GetAsync<V1Deployment>("web", Namespace, token))?.Spec?.Replicas == replicas, TimeSpan.FromSeconds(120));
}
