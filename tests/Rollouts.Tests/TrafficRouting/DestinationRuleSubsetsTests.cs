using System.Text.Json.Nodes;
using Tollgate.Rollouts.TrafficRouting;
using Tollgate.Rollouts.TrafficRouting.Istio;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Tests.TrafficRouting;

public sealed class DestinationRuleSubsetsTests
{
    private static readonly IstioDestinationRule Rule = new() { Name = "dr", CanarySubsetName = "canary", StableSubsetName = "stable" };

    private static JsonObject DestinationRule(string subsets, string annotations = "") =>
        JsonNode.Parse("""{"metadata":{"name":"dr" """ + annotations + """},"spec":{"host":"web","subsets":""" + subsets + "}}")!.AsObject();

    [Fact]
    public void Patch_NewHashes_LabelsSetByTestedSubsetAndAnnotated()
    {
        var rule = DestinationRule("""[{"name":"legacy","labels":{"v":"1"}},{"name":"stable","labels":{"app":"web"}},{"name":"canary"}]""");

        var operations = DestinationRuleSubsets.Patch(rule, Rule, "web-app", "abc", "def");

        Assert.Equal(
            """[{"op":"test","path":"/spec/subsets/2/name","value":"canary"},{"op":"add","path":"/spec/subsets/2/labels","value":{}},{"op":"add","path":"/spec/subsets/2/labels/rollouts-pod-template-hash","value":"abc"},"""
            + """{"op":"test","path":"/spec/subsets/1/name","value":"stable"},{"op":"add","path":"/spec/subsets/1/labels/rollouts-pod-template-hash","value":"def"},"""
            + """{"op":"add","path":"/metadata/annotations","value":{}},{"op":"add","path":"/metadata/annotations/argo-rollouts.argoproj.io~1managed-by-rollouts","value":"web-app"}]""",
            operations.ToJsonString());
    }

    [Fact]
    public void Patch_AlreadyThere_NoOperations()
    {
        var rule = DestinationRule(
            """[{"name":"stable","labels":{"rollouts-pod-template-hash":"def"}},{"name":"canary","labels":{"rollouts-pod-template-hash":"abc"}}]""",
            ""","annotations":{"argo-rollouts.argoproj.io/managed-by-rollouts":"web-app"}""");

        Assert.Empty(DestinationRuleSubsets.Patch(rule, Rule, "web-app", "abc", "def"));
    }

    [Fact]
    public void Patch_SubsetMissing_Refused() =>
        Assert.Equal("DestinationRule `dr` has no subset `canary`",
            Assert.Throws<TrafficRoutingException>(() => DestinationRuleSubsets.Patch(DestinationRule("""[{"name":"stable"}]"""), Rule, "web-app", "abc", "def")).Message);
}
