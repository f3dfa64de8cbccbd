using System.Text.Json.Nodes;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;
using static Tollgate.Rollouts.Tests.Support.ArgoLeftovers;

namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>Tollgate taking over canary Rollouts from Argo Rollouts (blue-green: <see cref="BlueGreenTakeoverTests"/>).</summary>
public sealed class TakeoverTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : TakeoverTest(fixture, prometheus)
{
    [Fact]
    public async Task HealthyArgoRollout_TakenOver_NoPodChangesThenNewImageRollsOutUnderTollgate()
    {
        var rollout = await ArgoRolloutAsync(Rollout(1, 1));
        await ArgoReplicaSetAsync(rollout, 1, V1Hash, 1, 4);
        var pods = await ArgoStatusAsync(CanaryStatus(V1Hash, V1Hash, 4, 4, "Healthy",
            Condition("Available", true, "AvailableReason", "Rollout has minimum availability"),
            Condition("Completed", true, "RolloutCompleted", "Rollout completed update to revision 1"),
            Condition("Healthy", true, "RolloutHealthy", "Rollout is healthy"),
            Condition("Paused", false, "RolloutResumed", "Rollout is resumed"),
            Condition("Progressing", true, "NewReplicaSetAvailable", $"ReplicaSet \"web-{V1Hash}\" has successfully progressed.")));

        var taken = await TakeOverAsync(pods);

        Assert.Equal(("Healthy", V1Hash, V1Hash, 4, StepHash), (taken.Status!.Phase, taken.Status.StableRS, taken.Status.CurrentPodHash, taken.Status.CurrentStepIndex, taken.Status.CurrentStepHash));
        Assert.Equal($"web-{V1Hash}", Assert.Single(await ReplicaSetsAsync()).Metadata.Name);

        await PatchSpecAsync(Name, ImageSpec(2));
        var paused = await WaitForRolloutAsync(Name, "paused at step 1 on v2", r => r.Status?.CurrentStepIndex == 1 && r.Status.Phase == "Paused");
        var canaryHash = paused.Status!.CurrentPodHash!;
        Assert.NotEqual(V1Hash, canaryHash);
        Assert.Equal(V1Hash, paused.Status.StableRS);
        var replicaSets = await ReplicaSetsAsync();
        Assert.Equal((1, 3), (SpecReplicas(replicaSets.Single(rs => Hash(rs) == canaryHash)), SpecReplicas(replicaSets.Single(rs => Hash(rs) == V1Hash))));
        Assert.Equal("2", replicaSets.Single(rs => Hash(rs) == canaryHash).Metadata.Annotations!["rollout.argoproj.io/revision"]);

        await PatchStatusAsync(Name, new JsonObject { ["pauseConditions"] = null });
        await WaitForRolloutAsync(Name, "paused at step 3 on v2", r => r.Status?.CurrentStepIndex == 3 && r.Status.Phase == "Paused");
        var done = await PromoteToHealthyAsync(canaryHash);
        Assert.Equal(0, SpecReplicas((await ReplicaSetsAsync()).Single(rs => Hash(rs) == V1Hash)));
        Assert.Equal(canaryHash, done.Status!.StableRS);
        Assert.InRange(Pods.MaxPodsSeen, 0, 5);
    }

    [Fact]
    public async Task ArgoRolloutPausedAtStep_TakenOver_StaysPausedWithSamePodsThenPromotesOnArgosCanary()
    {
        var rollout = await ArgoRolloutAsync(Rollout(2, 2));
        await ArgoReplicaSetAsync(rollout, 1, V1Hash, 1, 3);
        await ArgoReplicaSetAsync(rollout, 2, V2Hash, 2, 1);
        var pods = await ArgoStatusAsync(Paused(CanaryStatus(V2Hash, V1Hash, 1, 1, "Paused",
            Condition("Available", true, "AvailableReason", "Rollout has minimum availability"),
            Condition("Completed", false, "RolloutCompleted", "Rollout not completed"),
            Condition("Healthy", false, "RolloutHealthy", "Rollout is not healthy"),
            Condition("Paused", true, "RolloutPaused", "Rollout is paused"),
            Condition("Progressing", true, "RolloutPaused", "Rollout is paused"))));

        var taken = await TakeOverAsync(pods);

        Assert.Equal(("Paused", V1Hash, V2Hash, 1, StepHash), (taken.Status!.Phase, taken.Status.StableRS, taken.Status.CurrentPodHash, taken.Status.CurrentStepIndex, taken.Status.CurrentStepHash));
        Assert.Equal("CanaryPauseStep", Assert.Single(taken.Status.PauseConditions!).Reason);
        Assert.Equal(2, (await ReplicaSetsAsync()).Count);

        await PatchStatusAsync(Name, new JsonObject { ["pauseConditions"] = null });
        await WaitForRolloutAsync(Name, "paused at step 3", r => r.Status?.CurrentStepIndex == 3 && r.Status.Phase == "Paused");
        var replicaSets = await ReplicaSetsAsync();
        Assert.Equal((2, 2), (SpecReplicas(replicaSets.Single(rs => Hash(rs) == V2Hash)), SpecReplicas(replicaSets.Single(rs => Hash(rs) == V1Hash))));
        Assert.Equal(2, replicaSets.Count);

        await PromoteToHealthyAsync(V2Hash);
        Assert.Equal(2, (await ReplicaSetsAsync()).Count);
        Assert.InRange(Pods.MaxPodsSeen, 0, 5);
    }

    [Fact]
    public async Task ArgoRolloutWithRunningBackgroundAnalysis_TakenOver_ContinuesArgosRunAndStartsNoOther()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0);
        await ApplyAsync(ForeverTemplate);
        var background = $"""
                  analysis:
                    templates:
                    - templateName: error-rate-forever
                    args:
                    - name: service
                      value: {Namespace}

            """;
        var rollout = await ArgoRolloutAsync(Rollout(2, 2, background));
        await ArgoReplicaSetAsync(rollout, 1, V1Hash, 1, 3);
        await ArgoReplicaSetAsync(rollout, 2, V2Hash, 2, 1);
        var runName = $"web-{V2Hash}-2";
        // AnalysisRuns have no status subresource (Argo's CRD neither): the status is part of the object.
        await Client.CreateAsync(ArgoBackgroundRun(rollout, runName));
        var status = Paused(CanaryStatus(V2Hash, V1Hash, 1, 1, "Paused",
            Condition("Available", true, "AvailableReason", "Rollout has minimum availability"),
            Condition("Paused", true, "RolloutPaused", "Rollout is paused"),
            Condition("Progressing", true, "RolloutPaused", "Rollout is paused")));
        status["canary"] = new JsonObject { ["currentBackgroundAnalysisRunStatus"] = new JsonObject { ["name"] = runName, ["status"] = "Running" } };
        var pods = await ArgoStatusAsync(status);

        var taken = await TakeOverAsync(pods);

        Assert.Equal(runName, taken.Status!.Canary!.CurrentBackgroundAnalysisRunStatus!.Name);
        Assert.Equal("Paused", taken.Status.Phase);
        Assert.Equal(runName, Assert.Single((await Client.ListAsync<AnalysisRun>(Namespace)).Items).Metadata.Name);

        await PatchStatusAsync(Name, new JsonObject { ["pauseConditions"] = null });
        await WaitForRolloutAsync(Name, "paused at step 3", r => r.Status?.CurrentStepIndex == 3 && r.Status.Phase == "Paused");
        await PromoteToHealthyAsync(V2Hash);
        // As in Argo, the run is terminated by the reconcile after the one that promotes (the promotion is decided last).
        await TestControlPlane.WaitUntilAsync("Argo's background run terminated", async token =>
            (await Client.ListAsync<AnalysisRun>(Namespace, cancellationToken: token)).Items.Any(r => r.Spec.Terminate == true), TimeSpan.FromSeconds(30));
        var run = Assert.Single((await Client.ListAsync<AnalysisRun>(Namespace)).Items);
        Assert.Equal(runName, run.Metadata.Name);
        Assert.True(run.Spec.Terminate);
    }

    [Fact]
    public async Task AbortedArgoRollout_TakenOver_StaysAbortedThenRetryReusesArgosCanary()
    {
        var rollout = await ArgoRolloutAsync(Rollout(2, 2));
        await ArgoReplicaSetAsync(rollout, 1, V1Hash, 1, 4);
        await ArgoReplicaSetAsync(rollout, 2, V2Hash, 2, 0);
        var status = CanaryStatus(V2Hash, V1Hash, 0, 0, "Degraded",
            Condition("Available", true, "AvailableReason", "Rollout has minimum availability"),
            Condition("Paused", false, "RolloutResumed", "Rollout is resumed"),
            Condition("Progressing", false, "RolloutAborted", "Rollout aborted update to revision 2"));
        status["abort"] = true;
        status["abortedAt"] = Timestamp(DateTimeOffset.UtcNow.AddMinutes(-2));
        status["message"] = "RolloutAborted: Rollout aborted update to revision 2";
        var pods = await ArgoStatusAsync(status);

        var taken = await TakeOverAsync(pods);

        Assert.Equal(("Degraded", true, V2Hash, 0), (taken.Status!.Phase, taken.Status.Abort, taken.Status.CurrentPodHash, taken.Status.UpdatedReplicas));
        Assert.Contains(taken.Status.Conditions!, c => c.Type == "Progressing" && c.Reason == "RolloutAborted");

        await PatchStatusAsync(Name, new JsonObject { ["abort"] = false });
        await WaitForRolloutAsync(Name, "paused at step 1 after retry", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == 1 && r.Status.UpdatedReplicas == 1);
        Assert.Equal(2, (await ReplicaSetsAsync()).Count);
        await PatchStatusAsync(Name, new JsonObject { ["pauseConditions"] = null });
        await WaitForRolloutAsync(Name, "paused at step 3", r => r.Status?.CurrentStepIndex == 3 && r.Status.Phase == "Paused");
        await PromoteToHealthyAsync(V2Hash);
        Assert.InRange(Pods.MaxPodsSeen, 0, 5);
    }

    [Fact]
    public async Task TwoReplicaSetsWithTheTemplate_TakenOver_ConditionSaysSoAndNoPodChanges()
    {
        var rollout = await ArgoRolloutAsync(Rollout(1, 1));
        await ArgoReplicaSetAsync(rollout, 1, V1Hash, 1, 2);
        await ArgoReplicaSetAsync(rollout, 1, "7b9c4d5f6", 1, 2);
        var pods = await ArgoStatusAsync(CanaryStatus(V1Hash, V1Hash, 4, 4, "Healthy"));

        var taken = await TakeOverAsync(pods);

        var invalid = Assert.Single(taken.Status!.Conditions!, c => c.Type == "InvalidSpec");
        Assert.Equal($"ReplicaSets \"web-{V1Hash}\", \"web-7b9c4d5f6\" all run this Rollout's pod template; Tollgate scales nothing until only one of them is left", invalid.Message);
        Assert.Equal("Degraded", taken.Status.Phase);
        Assert.All(await ReplicaSetsAsync(), rs => Assert.Equal(2, SpecReplicas(rs)));
    }

    [Fact]
    public async Task StableReplicaSetMissing_TakenOver_ConditionSaysSoAndNoPodChanges()
    {
        var rollout = await ArgoRolloutAsync(Rollout(2, 2));
        await ArgoReplicaSetAsync(rollout, 2, V2Hash, 2, 1);
        var pods = await ArgoStatusAsync(Paused(CanaryStatus(V2Hash, V1Hash, 1, 1, "Paused")));

        var taken = await TakeOverAsync(pods);

        var invalid = Assert.Single(taken.Status!.Conditions!, c => c.Type == "InvalidSpec");
        Assert.StartsWith($"status.stableRS is \"{V1Hash}\" but no ReplicaSet", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(1, SpecReplicas(Assert.Single(await ReplicaSetsAsync())));
    }

    private const string ForeverTemplate = """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: error-rate-forever
        spec:
          args:
          - name: service
          metrics:
          - name: error-rate
            interval: 2s
            successCondition: result[0] < 0.05
            provider:
              prometheus:
                query: sum(rate(http_requests_total{service="{{args.service}}",version="canary",code="500"}[5s])) / sum(rate(http_requests_total{service="{{args.service}}",version="canary"}[5s]))
        """;

    private static JsonObject Paused(JsonObject status)
    {
        status["pauseConditions"] = new JsonArray(new JsonObject { ["reason"] = "CanaryPauseStep", ["startTime"] = Timestamp(DateTimeOffset.UtcNow.AddMinutes(-1)) });
        status["controllerPause"] = true;
        status["message"] = "CanaryPauseStep";
        return status;
    }

    private AnalysisRun ArgoBackgroundRun(Rollout owner, string name)
    {
        var metric = new Metric
        {
            Name = "error-rate",
            Interval = "2s",
            SuccessCondition = "result[0] < 0.05",
            Provider = new MetricProvider
            {
                Prometheus = new PrometheusMetric
                {
                    Query = $"sum(rate(http_requests_total{{service=\"{Namespace}\",version=\"canary\",code=\"500\"}}[5s])) / sum(rate(http_requests_total{{service=\"{Namespace}\",version=\"canary\"}}[5s]))",
                },
            },
        };
        return new AnalysisRun
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Namespace = Namespace,
                Labels = new Dictionary<string, string> { ["rollouts-pod-template-hash"] = V2Hash, ["rollout-type"] = "Background", ["app"] = "web" },
                Annotations = new Dictionary<string, string> { ["rollout.argoproj.io/revision"] = "2" },
                OwnerReferences = [Controller(owner)],
            },
            Spec = new AnalysisRunSpec { Metrics = [metric], Args = [new Argument { Name = "service", Value = Namespace }] },
            Status = new AnalysisRunStatus { Phase = "Running", StartedAt = DateTimeOffset.UtcNow.AddSeconds(-30) },
        };
    }

    private async Task<Rollout> PromoteToHealthyAsync(string hash)
    {
        await PatchStatusAsync(Name, new JsonObject { ["pauseConditions"] = null });
        return await WaitForRolloutAsync(Name, $"healthy on {hash}", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == hash && r.Status.AvailableReplicas == 4);
    }
}
