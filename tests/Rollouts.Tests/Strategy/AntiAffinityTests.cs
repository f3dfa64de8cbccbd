using System.Text.Json;
using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed class AntiAffinityTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Inject_Preferred_AddsWeightedTermAgainstStableHash()
    {
        var affinity = AntiAffinity.Inject(null, Json("""{"preferredDuringSchedulingIgnoredDuringExecution":{"weight":40}}"""), "stable1", "new1");

        var term = affinity!["podAntiAffinity"]!["preferredDuringSchedulingIgnoredDuringExecution"]![0]!;
        Assert.Equal(40, term["weight"]!.GetValue<int>());
        Assert.Equal("kubernetes.io/hostname", term["podAffinityTerm"]!["topologyKey"]!.GetValue<string>());
        Assert.Equal("stable1", term["podAffinityTerm"]!["labelSelector"]!["matchExpressions"]![0]!["values"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Inject_Required_AddsRequiredTerm()
    {
        var affinity = AntiAffinity.Inject(null, Json("""{"requiredDuringSchedulingIgnoredDuringExecution":{}}"""), "stable1", "new1");

        Assert.Equal("In", affinity!["podAntiAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]![0]!["labelSelector"]!["matchExpressions"]![0]!["operator"]!.GetValue<string>());
    }

    [Fact]
    public void Inject_ExistingAffinity_KeptAndExtended()
    {
        var written = Json("""{"nodeAffinity":{"x":1},"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":5}]}}""");

        var affinity = AntiAffinity.Inject(written, Json("""{"preferredDuringSchedulingIgnoredDuringExecution":{"weight":1}}"""), "stable1", "new1");

        Assert.NotNull(affinity!["nodeAffinity"]);
        Assert.Equal(2, affinity["podAntiAffinity"]!["preferredDuringSchedulingIgnoredDuringExecution"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(null, "new1")]
    [InlineData("new1", "new1")]
    public void Inject_NoOtherStable_LeavesTemplateAlone(string? stable, string current) =>
        Assert.Null(AntiAffinity.Inject(null, Json("""{"requiredDuringSchedulingIgnoredDuringExecution":{}}"""), stable, current));

    [Fact]
    public void Inject_NotConfigured_LeavesTemplateAlone() => Assert.Null(AntiAffinity.Inject(null, null, "stable1", "new1"));
}
