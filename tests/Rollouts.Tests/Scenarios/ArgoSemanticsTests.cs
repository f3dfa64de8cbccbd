using System.Text.Json.Nodes;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>
/// Where Tollgate used to differ from Argo Rollouts (issue 17), on the real control plane; the operations are sent
/// exactly as kubectl-argo-rollouts and Argo CD's resource actions patch them.
/// </summary>
public sealed class ArgoSemanticsTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    private const string HalfThenPause = "- setWeight: 50\n- pause: {}\n- setWeight: 100";

    [Fact]
    public async Task NewTemplateMidCanary_OldCanaryDrained_AvailabilityNeverBelowMaxUnavailable()
    {
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", HalfThenPause));
        var v1 = await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", HalfThenPause));
        var v2 = await WaitForRolloutAsync("web-app", "v2 paused at 50%", r => r.Status?.Phase == "Paused" && r.Status.UpdatedReplicas == 2 && r.Status.AvailableReplicas == 4);

        using var sampling = new CancellationTokenSource();
        var lowest = SampleLowestAvailableAsync(sampling.Token);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v3", HalfThenPause));
        var v3 = await WaitForRolloutAsync("web-app", "v3 paused at 50% with v2 drained",
            r => r.Status?.Phase == "Paused" && r.Status.CurrentPodHash != v2.Status!.CurrentPodHash && r.Status.UpdatedReplicas == 2 && r.Status.Replicas == 4);
        await sampling.CancelAsync();

        // maxUnavailable defaults to 25% of 4 replicas: one pod.
        Assert.True(await lowest >= 3, $"available pods dropped to {await lowest}");
        Assert.Equal(v1.Status!.StableRS, v3.Status!.StableRS);
        var v2Set = Assert.Single(await ReplicaSetsAsync(), rs => Hash(rs) == v2.Status!.CurrentPodHash);
        Assert.Equal(0, SpecReplicas(v2Set));
    }

    [Fact]
    public async Task Abort_ThenTemplateBackToStable_HealthyAndNotAborted()
    {
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", HalfThenPause));
        var v1 = await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", HalfThenPause));
        await WaitForRolloutAsync("web-app", "v2 paused", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 1);
        await PatchStatusAsync("web-app", new JsonObject { ["abort"] = true });
        await WaitForRolloutAsync("web-app", "aborted", r => r.Status?.Phase == "Degraded" && r.Status.UpdatedReplicas == 0);

        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", HalfThenPause));

        var back = await WaitForRolloutAsync("web-app", "healthy on v1", r => r.Status?.Phase == "Healthy" && r.Status.CurrentPodHash == v1.Status!.StableRS);
        Assert.Null(back.Status!.Abort);
        Assert.Null(back.Status.AbortedAt);
    }

    [Fact]
    public async Task SkipCurrentStep_AtIndefinitePause_LaterTimedPauseStillHolds()
    {
        const string steps = "- setWeight: 25\n- pause: {}\n- setWeight: 50\n- pause: {duration: 1h}\n- setWeight: 100";
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", steps));
        await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", steps));
        await WaitForRolloutAsync("web-app", "paused at pause {}", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 1);

        // Argo CD's skip-current-step action: pauseConditions removed and currentStepIndex + 1; controllerPause stays.
        await PatchStatusAsync("web-app", new JsonObject { ["pauseConditions"] = null, ["currentStepIndex"] = 2 });

        var paused = await WaitForRolloutAsync("web-app", "paused at the 1h pause", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 3);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var still = await GetRolloutAsync("web-app");
        Assert.Equal(3, still!.Status!.CurrentStepIndex);
        Assert.Equal("Paused", still.Status.Phase);
        Assert.Equal(paused.Status!.PauseConditions![0].StartTime, still.Status.PauseConditions![0].StartTime);
    }

    [Fact]
    public async Task SkipCurrentStep_OverRunningAnalysis_RunTerminatedOnceHealthy()
    {
        await ApplyAsync(SlowTemplate());
        var steps = "- setWeight: 50\n- analysis:\n    templates:\n    - templateName: slow\n- setWeight: 100";
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", steps));
        await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", steps));
        var measuring = await WaitForRolloutAsync("web-app", "analysis running", r => r.Status?.CurrentStepIndex == 1 && r.Status.Canary?.CurrentStepAnalysisRunStatus?.Status == "Running");
        var runName = measuring.Status!.Canary!.CurrentStepAnalysisRunStatus!.Name;

        await PatchStatusAsync("web-app", new JsonObject { ["currentStepIndex"] = 2 });

        await WaitForRolloutAsync("web-app", "healthy after the skip", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == r.Status.CurrentPodHash);
        await TestControlPlane.WaitUntilAsync("skipped run terminated", async token =>
        {
            var run = await Client.GetAsync<AnalysisRun>(runName, Namespace, token);
            return run is null || run.Spec.Terminate == true;
        }, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Restart_MaxUnavailableOne_NeverMoreThanOnePodDownAtOnce()
    {
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", HalfThenPause).Replace("      steps:", "      maxUnavailable: 1\n      maxSurge: 0\n      steps:", StringComparison.Ordinal));
        await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        var restartAt = DateTimeOffset.UtcNow;

        using var sampling = new CancellationTokenSource();
        var lowest = SampleLowestReadyPodsAsync(sampling.Token);
        await PatchSpecAsync("web-app", new JsonObject { ["restartAt"] = restartAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) });
        await WaitForRolloutAsync("web-app", "restart done", r => r.Status?.RestartedAt is not null && r.Status.AvailableReplicas == 4 && r.Status.Phase == "Healthy", seconds: 180);
        await sampling.CancelAsync();

        Assert.True(await lowest >= 3, $"ready pods dropped to {await lowest}");
        var pods = (await Client.ListAsync<V1Pod>(Namespace)).Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        Assert.All(pods, p => Assert.True(p.Metadata.CreationTimestamp >= restartAt.AddSeconds(-1), $"pod {p.Metadata.Name} was not restarted"));
    }

    [Fact]
    public async Task CanaryAndStableMetadata_PodsRelabelledInPlace_NoRestart()
    {
        const string strategy = "      canaryMetadata:\n        labels:\n          role: canary\n      stableMetadata:\n        labels:\n          role: stable\n      steps:";
        string Yaml(string image) => RolloutYaml.Rollout(image, HalfThenPause).Replace("      steps:", strategy, StringComparison.Ordinal);
        await ApplyAsync(Yaml("myapp:v1"));
        var v1 = await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        await WaitForPodsAsync("v1 pods labelled stable", pods => pods.Count == 4 && pods.All(p => Role(p) == "stable"));
        await ApplyAsync(Yaml("myapp:v2"));
        var v2 = await WaitForRolloutAsync("web-app", "v2 paused", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 1);
        var canaryPods = await WaitForPodsAsync("canary pods labelled canary", pods =>
            pods.Count(p => Role(p) == "canary" && PodHash(p) == v2.Status!.CurrentPodHash) == 2 && pods.Count(p => Role(p) == "stable" && PodHash(p) == v1.Status!.StableRS) == 2);
        var canaryNames = canaryPods.Where(p => Role(p) == "canary").Select(p => p.Metadata.Name).Order().ToList();

        await PatchStatusAsync("web-app", new JsonObject { ["pauseConditions"] = null });

        await WaitForRolloutAsync("web-app", "v2 healthy", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == v2.Status!.CurrentPodHash);
        var after = await WaitForPodsAsync("v2 pods relabelled stable", pods => pods.Count == 4 && pods.All(p => Role(p) == "stable" && PodHash(p) == v2.Status!.CurrentPodHash));
        Assert.All(canaryNames, name => Assert.Contains(after, p => p.Metadata.Name == name));
    }

    [Fact]
    public async Task AntiAffinityAndRevisions_NewReplicaSetAvoidsStablePodsAndIsRevisionTwo()
    {
        string Yaml(string image) => RolloutYaml.Rollout(image, HalfThenPause)
            .Replace("      steps:", "      antiAffinity:\n        preferredDuringSchedulingIgnoredDuringExecution:\n          weight: 50\n      steps:", StringComparison.Ordinal)
            .Replace("  replicas: 4", "  replicas: 4\n  revisionHistoryLimit: 1", StringComparison.Ordinal);
        await ApplyAsync(Yaml("myapp:v1"));
        var v1 = await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        await ApplyAsync(Yaml("myapp:v2"));
        var v2 = await WaitForRolloutAsync("web-app", "v2 paused", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 1);

        var sets = await ReplicaSetsAsync();
        var canary = Assert.Single(sets, rs => Hash(rs) == v2.Status!.CurrentPodHash);
        var stable = Assert.Single(sets, rs => Hash(rs) == v1.Status!.StableRS);
        Assert.Equal("2", canary.Metadata.Annotations!["rollout.argoproj.io/revision"]);
        Assert.Equal("1", stable.Metadata.Annotations!["rollout.argoproj.io/revision"]);
        Assert.Equal("2", v2.Metadata.Annotations!["rollout.argoproj.io/revision"]);
        var affinity = canary.Spec!.Template!.Spec!.AdditionalProperties!["affinity"].GetRawText();
        Assert.Contains(v1.Status!.StableRS!, affinity, StringComparison.Ordinal);
        Assert.Contains("kubernetes.io/hostname", affinity, StringComparison.Ordinal);
        Assert.False(stable.Spec!.Template!.Spec!.AdditionalProperties?.ContainsKey("affinity") == true);

        await PatchStatusAsync("web-app", new JsonObject { ["pauseConditions"] = null });
        await WaitForRolloutAsync("web-app", "v2 healthy", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == v2.Status!.CurrentPodHash);
        await ApplyAsync(Yaml("myapp:v3").Replace("      steps:\n      - setWeight: 50\n      - pause: {}\n      - setWeight: 100", "      steps: []", StringComparison.Ordinal));
        await WaitForRolloutAsync("web-app", "v3 healthy", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == r.Status.CurrentPodHash && r.Status.CurrentPodHash != v2.Status!.CurrentPodHash);
        await TestControlPlane.WaitUntilAsync("history limited to one old ReplicaSet", async token =>
            (await Client.ListAsync<V1ReplicaSet>(Namespace, cancellationToken: token)).Items.Count(rs => rs.Metadata.DeletionTimestamp is null) == 2, TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(await ReplicaSetsAsync(), rs => Hash(rs) == v1.Status!.StableRS);
    }

    [Fact]
    public async Task AnalysisRunTtlStrategy_CompletedRun_DeletedAfterItsTimeToLive()
    {
        await ApplyAsync($$"""
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisRun
            metadata:
              name: short-lived
            spec:
              ttlStrategy:
                secondsAfterCompletion: 2
              metrics:
              - name: constant
                count: 1
                successCondition: result[0] == 1
                provider:
                  prometheus:
                    address: {{Prometheus.Address}}
                    query: vector(1)
            """);

        await TestControlPlane.WaitUntilAsync("run successful", async token =>
            (await Client.GetAsync<AnalysisRun>("short-lived", Namespace, token))?.Status?.Phase == "Successful", TimeSpan.FromSeconds(60));
        await TestControlPlane.WaitUntilAsync("run deleted after its ttl", async token =>
            await Client.GetAsync<AnalysisRun>("short-lived", Namespace, token) is null, TimeSpan.FromSeconds(60));
    }

    private static string? Role(V1Pod pod) => pod.Metadata.Labels?.TryGetValue("role", out var role) == true ? role : null;

    private static string? PodHash(V1Pod pod) => pod.Metadata.Labels?.TryGetValue("rollouts-pod-template-hash", out var hash) == true ? hash : null;

    private async Task<IReadOnlyList<V1Pod>> WaitForPodsAsync(string what, Func<IReadOnlyList<V1Pod>, bool> condition)
    {
        IReadOnlyList<V1Pod> last = [];
        try
        {
            await TestControlPlane.WaitUntilAsync(what, async token =>
            {
                last = [.. (await Client.ListAsync<V1Pod>(Namespace, cancellationToken: token)).Items.Where(p => p.Metadata.DeletionTimestamp is null)];
                return condition(last);
            }, TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException e)
        {
            throw new Xunit.Sdk.XunitException(
                $"{e.Message}\npods: {string.Join(", ", last.Select(p => $"{p.Metadata.Name} hash={PodHash(p)} role={Role(p)}"))}\n{Controller.Tail()}");
        }

        return last;
    }

    private string SlowTemplate() => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: slow
        spec:
          metrics:
          - name: constant
            interval: 30s
            count: 20
            successCondition: result[0] < 1
            provider:
              prometheus:
                address: {{Prometheus.Address}}
                query: vector(0)
        """;

    private async Task<int> SampleLowestAvailableAsync(CancellationToken cancellationToken)
    {
        var lowest = int.MaxValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var sets = await Client.ListAsync<V1ReplicaSet>(Namespace, cancellationToken: CancellationToken.None);
            lowest = Math.Min(lowest, sets.Items.Sum(rs => rs.Status?.AvailableReplicas ?? 0));
            await Task.Delay(50, CancellationToken.None);
        }

        return lowest;
    }

    private async Task<int> SampleLowestReadyPodsAsync(CancellationToken cancellationToken)
    {
        var lowest = int.MaxValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var pods = await Client.ListAsync<V1Pod>(Namespace, cancellationToken: CancellationToken.None);
            lowest = Math.Min(lowest, pods.Items.Count(p => p.Metadata.DeletionTimestamp is null
                && p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true));
            await Task.Delay(50, CancellationToken.None);
        }

        return lowest;
    }
}
