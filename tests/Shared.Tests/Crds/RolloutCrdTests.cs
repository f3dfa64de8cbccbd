using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;
using static Tollgate.Shared.Tests.Crds.CrdJson;

namespace Tollgate.Shared.Tests.Crds;

/// <summary>The generated Argo Rollouts CRDs behave like Argo's on a real API server.</summary>
public sealed class RolloutCrdTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture), IDisposable
{
    private readonly KubernetesClient rollouts = new(fixture.Plane.AdminConfiguration, RolloutsJsonContext.Default);

    public void Dispose() => rollouts.Dispose();

    [Fact]
    public async Task Apply_SetWeightAbove100_IsAcceptedLikeArgoForTheWebhookToJudge()
    {
        var result = await ApplyAsync(RolloutJson("too-heavy", """[{"setWeight":150}]"""));

        Assert.True(result.Succeeded, result.ToString());
        var stored = await rollouts.GetAsync<Rollout>("too-heavy", Namespace, Timeout());
        Assert.Equal(150, stored!.Spec.Strategy!.Canary!.Steps![0].SetWeight);
    }

    [Fact]
    public async Task Apply_ArgoFieldsTheControllerDoesNotRun_AreKept()
    {
        var rollout = RolloutJson("argo-extras", """[{"setWeight":20},{"experiment":{"templates":[{"name":"baseline","specRef":"stable"}]}}]""");
        rollout["spec"]!["strategy"]!["canary"]!["trafficRouting"] = JsonNode.Parse("""{"nginx":{"stableIngress":"web"}}""");
        rollout["spec"]!["strategy"]!["canary"]!["canaryMetadata"] = JsonNode.Parse("""{"labels":{"role":"canary"}}""");

        var result = await ApplyAsync(rollout);

        Assert.True(result.Succeeded, result.ToString());
        var canary = (await GetJsonAsync("ro", "argo-extras"))["spec"]!["strategy"]!["canary"]!;
        Assert.Equal("stable", canary["steps"]![1]!["experiment"]!["templates"]![0]!["specRef"]!.GetValue<string>());
        Assert.Equal("web", canary["trafficRouting"]!["nginx"]!["stableIngress"]!.GetValue<string>());
        Assert.Equal("canary", canary["canaryMetadata"]!["labels"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_MisspelledField_IsRefusedByKubectlAndPrunedByTheServer()
    {
        var rollout = RolloutJson("typo", """[{"setWieght":40}]""");

        var validated = await ApplyAsync(rollout);
        var unvalidated = await ApplyAsync(rollout, "--validate=false");

        Assert.False(validated.Succeeded);
        Assert.Contains("unknown field \"setWieght\"", validated.Stderr, StringComparison.Ordinal);
        Assert.True(unvalidated.Succeeded, unvalidated.ToString());
        Assert.Equal("[{}]", (await GetJsonAsync("ro", "typo"))["spec"]!["strategy"]!["canary"]!["steps"]!.ToJsonString());
    }

    [Fact]
    public async Task Apply_PauseDurationOfWrongType_IsRejected()
    {
        var result = await ApplyAsync(RolloutJson("bad-pause", """[{"pause":{"duration":true}}]"""));

        Assert.False(result.Succeeded);
        Assert.Contains("duration", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateStatus_TypedStatus_IsStoredAndShownByKubectlGetRo()
    {
        await ApplyAsync(RolloutJson("web", """[{"setWeight":10},{"pause":{"duration":"5m"}}]"""));
        var rollout = (await rollouts.GetAsync<Rollout>("web", Namespace, Timeout()))!;
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        rollout.Status = new RolloutStatus
        {
            Phase = "Paused",
            Message = "CanaryPauseStep",
            CurrentStepIndex = 1,
            StableRS = "5d8f7c",
            CurrentPodHash = "7b9c4d",
            ObservedGeneration = "1",
            Replicas = 4,
            UpdatedReplicas = 1,
            ReadyReplicas = 4,
            AvailableReplicas = 3,
            HpaReplicas = 4,
            Selector = "app=web",
            PauseConditions = [new PauseCondition { Reason = "CanaryPauseStep", StartTime = now }],
            ControllerPause = true,
            Canary = new CanaryStatus
            {
                Weights = new TrafficWeights
                {
                    Canary = new WeightDestination { Weight = 10, PodTemplateHash = "7b9c4d" },
                    Stable = new WeightDestination { Weight = 90, PodTemplateHash = "5d8f7c" },
                },
                CurrentStepAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = "web-7b9c4d-1", Status = "Running" },
            },
            Conditions = [new RolloutCondition { Type = "Paused", Status = "True", Reason = "RolloutPaused", LastUpdateTime = now, LastTransitionTime = now }],
        };

        await rollouts.UpdateStatusAsync(rollout, cancellationToken: Timeout());

        var stored = (await rollouts.GetAsync<Rollout>("web", Namespace, Timeout()))!.Status!;
        Assert.Equal(("Paused", 4, "app=web", now), (stored.Phase, stored.HpaReplicas, stored.Selector, stored.PauseConditions![0].StartTime!.Value));
        Assert.Equal(90, stored.Canary!.Weights!.Stable.Weight);
        Assert.Equal("Running", stored.Canary.CurrentStepAnalysisRunStatus!.Status);
        var table = await Plane.KubectlAsAdminAsync("get", "ro", "-n", Namespace);
        Assert.True(table.Succeeded, table.ToString());
        var lines = table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "DESIRED", "CURRENT", "UP-TO-DATE", "AVAILABLE", "AGE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["web", "10", "4", "1", "3"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..5]);
    }

    [Fact]
    public async Task KubectlScale_Rollout_ChangesSpecReplicasThroughTheScaleSubresource()
    {
        await ApplyAsync(RolloutJson("scaled", """[{"setWeight":50}]"""));

        var result = await Plane.KubectlAsAdminAsync("scale", "rollout", "scaled", "--replicas=3", "-n", Namespace);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(3, (await rollouts.GetAsync<Rollout>("scaled", Namespace, Timeout()))!.Spec.Replicas);
        var scale = await rollouts.GetScaleAsync<Rollout>("scaled", Namespace, Timeout());
        Assert.Equal(3, scale.Spec?.Replicas);
    }

    [Fact]
    public async Task Create_ArgoAnalysisTemplateAndRun_AreStoredWhole()
    {
        var template = JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"AnalysisTemplate","metadata":{"name":"success-rate"},
             "spec":{"args":[{"name":"service-name"},{"name":"token","valueFrom":{"secretKeyRef":{"name":"prom","key":"token"}}}],
              "dryRun":[{"metricName":".*"}],"measurementRetention":[{"metricName":"success-rate","limit":20}],
              "metrics":[{"name":"success-rate","interval":"1m","initialDelay":"30s","count":5,"failureLimit":"1","consecutiveErrorLimit":4,
               "successCondition":"result[0] >= 0.95","failureCondition":"result[0] < 0.9",
               "provider":{"prometheus":{"address":"http://prometheus:9090","query":"sum(rate(http_requests_total{service='{{args.service-name}}'}[5m]))",
                 "timeout":30,"insecure":true,"headers":[{"key":"Authorization","value":"Bearer {{args.token}}"}]}}},
               {"name":"smoke","provider":{"job":{"spec":{"template":{"spec":{"containers":[{"name":"smoke","image":"curl"}],"restartPolicy":"Never"}}}}}}]}}
            """)!.AsObject();
        var run = JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"AnalysisRun","metadata":{"name":"web-1"},
             "spec":{"metrics":[{"name":"success-rate","count":"3","provider":{"prometheus":{"address":"http://prometheus:9090","query":"up"}}}],
              "args":[{"name":"service-name","value":"web"}]},
             "status":{"phase":"Running","startedAt":"2024-05-01T10:00:00Z","runSummary":{"count":1,"successful":1},
              "metricResults":[{"name":"success-rate","phase":"Running","count":1,"successful":1,"consecutiveSuccess":1,
               "measurements":[{"phase":"Successful","value":"[0.99]","startedAt":"2024-05-01T10:00:00Z","finishedAt":"2024-05-01T10:00:01Z"}]}]}}
            """)!.AsObject();

        Assert.True((await ApplyAsync(template)).Succeeded);
        Assert.True((await ApplyAsync(run)).Succeeded);

        AssertContains(template, await GetJsonAsync("at", "success-rate"));
        AssertContains(run, await GetJsonAsync("ar", "web-1"));
        var table = await Plane.KubectlAsAdminAsync("get", "ar", "web-1", "-n", Namespace);
        Assert.Equal(["NAME", "STATUS", "AGE"], table.Stdout.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Create_ClusterAnalysisTemplate_IsClusterScoped()
    {
        var name = $"cat-{Namespace}";
        var template = new ClusterAnalysisTemplate
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new AnalysisTemplateSpec
            {
                Metrics = [new Metric { Name = "up", Count = 1, Provider = new MetricProvider { Prometheus = new PrometheusMetric { Address = "http://p:9090", Query = "up" } } }],
            },
        };

        try
        {
            var created = await rollouts.CreateAsync(template, cancellationToken: Timeout());

            Assert.Null(created.Metadata.Namespace);
            Assert.Equal("up", Assert.Single(created.Spec.Metrics!).Provider.Prometheus!.Query);
        }
        finally
        {
            await rollouts.DeleteAsync<ClusterAnalysisTemplate>(name, cancellationToken: Timeout());
        }
    }

    private static JsonObject RolloutJson(string name, string steps)
    {
        var rollout = JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"NAME"},
             "spec":{"replicas":10,"selector":{"matchLabels":{"app":"NAME"}},"strategy":{"canary":{}},
              "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"web","image":"myapp:v2.0"}]}}}}
            """.Replace("NAME", name, StringComparison.Ordinal))!.AsObject();
        rollout["spec"]!["strategy"]!["canary"]!["steps"] = JsonNode.Parse(steps);
        return rollout;
    }

    private async Task<KubectlResult> ApplyAsync(JsonObject manifest, params string[] options)
    {
        manifest["metadata"]!["namespace"] = Namespace;
        var path = Path.Combine(Plane.WorkDirectory, $"{Namespace}-{manifest["metadata"]!["name"]}.json");
        await File.WriteAllTextAsync(path, manifest.ToJsonString());
        return await Plane.KubectlAsAdminAsync(["apply", "-f", path, .. options]);
    }

    private async Task<JsonObject> GetJsonAsync(string resource, string name)
    {
        var result = await Plane.KubectlAsAdminAsync("get", resource, name, "-n", Namespace, "-o", "json");
        Assert.True(result.Succeeded, result.ToString());
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }
}
