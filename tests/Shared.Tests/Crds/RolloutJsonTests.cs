using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Yaml;

namespace Tollgate.Shared.Tests.Crds;

public sealed class RolloutJsonTests
{
    private static JsonObject SeedRollout() =>
        Assert.Single(YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Yaml", "rollout.yaml"))));

    [Fact]
    public void Deserialize_SeedRollout_ReadsStepsAndPauses()
    {
        var rollout = SeedRollout().Deserialize(RolloutsJsonContext.Default.Rollout)!;

        Assert.Equal("web-app", rollout.Metadata.Name);
        Assert.Equal(10, rollout.Spec.Replicas);
        Assert.Null(rollout.Spec.Selector);
        var steps = rollout.Spec.Strategy!.Canary!.Steps!;
        Assert.Equal(7, steps.Count);
        Assert.Equal(10, steps[0].SetWeight);
        Assert.Equal("5m", steps[1].Pause!.Duration!.Value.StringValue);
        Assert.Equal([10, 30, 50, 100], steps.Where(s => s.SetWeight is not null).Select(s => s.SetWeight!.Value));
        Assert.Equal("myapp:v2.0", Assert.Single(rollout.Spec.Template!.Spec!.Containers).Image);
    }

    [Fact]
    public void Serialize_SeedRollout_RoundTripsWithoutLosingOrAddingFields()
    {
        var seed = SeedRollout();

        var rollout = seed.Deserialize(RolloutsJsonContext.Default.Rollout)!;
        var written = JsonSerializer.SerializeToNode(rollout, RolloutsJsonContext.Default.Rollout);

        Assert.True(JsonNode.DeepEquals(seed, written), $"seed {seed.ToJsonString()}\nwritten {written!.ToJsonString()}");
    }

    [Fact]
    public void Serialize_FieldsTheModelDoesNotName_AreKept()
    {
        var json = JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"r"},
             "spec":{"strategy":{"canary":{"steps":[{"setWeight":5,"futureField":{"a":1}}],"newKnob":true}},"workloadRef":{"kind":"Deployment","name":"web"}},
             "status":{"HPAReplicas":3,"observedGeneration":"7","canary":{"weights":{"canary":{"weight":5},"stable":{"weight":95}}}}}
            """)!;

        var rollout = json.Deserialize(RolloutsJsonContext.Default.Rollout)!;
        var written = JsonSerializer.SerializeToNode(rollout, RolloutsJsonContext.Default.Rollout);

        Assert.Equal(3, rollout.Status!.HpaReplicas);
        Assert.Equal("7", rollout.Status.ObservedGeneration);
        Assert.Equal(95, rollout.Status.Canary!.Weights!.Stable.Weight);
        Assert.True(JsonNode.DeepEquals(json, written), written!.ToJsonString());
    }

    [Fact]
    public void Deserialize_ArgoAnalysisTemplate_ReadsPrometheusMetric()
    {
        var json = JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"AnalysisTemplate","metadata":{"name":"success-rate"},
             "spec":{"args":[{"name":"service-name"},{"name":"token","valueFrom":{"secretKeyRef":{"name":"prom","key":"token"}}}],
              "metrics":[{"name":"success-rate","interval":"1m","count":5,"failureLimit":"1","successCondition":"result[0] >= 0.95",
               "provider":{"prometheus":{"address":"http://prometheus:9090","query":"sum(rate(x[5m]))","headers":[{"key":"Authorization","value":"Bearer {{args.token}}"}]}}}]}}
            """)!;

        var template = json.Deserialize(RolloutsJsonContext.Default.AnalysisTemplate)!;
        var written = JsonSerializer.SerializeToNode(template, RolloutsJsonContext.Default.AnalysisTemplate);

        var metric = Assert.Single(template.Spec.Metrics!);
        Assert.Equal(5, metric.Count!.Value.IntValue);
        Assert.Equal("1", metric.FailureLimit!.Value.StringValue);
        Assert.Equal("http://prometheus:9090", metric.Provider.Prometheus!.Address);
        Assert.Equal("prom", template.Spec.Args![1].ValueFrom!.SecretKeyRef!.Name);
        Assert.True(JsonNode.DeepEquals(json, written), written!.ToJsonString());
    }
}
