using System.Text.Json.Nodes;
using Tollgate.Rollouts.TrafficRouting;
using Tollgate.Rollouts.TrafficRouting.GatewayApi;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Tests.TrafficRouting;

public sealed class HttpRouteWeightsTests
{
    private static JsonObject Route(string labels = "") => JsonNode.Parse("""{"metadata":{"name":"r" """ + labels + """
        },"spec":{"rules":[
          {"backendRefs":[{"name":"other","port":80}]},
          {"backendRefs":[{"name":"web-stable","port":80,"weight":100},{"name":"web-canary","port":80,"weight":0}]}]}}
        """)!.AsObject();

    [Fact]
    public void Patch_NewWeight_TestedReplaceOfEachWeightAndTheLabel()
    {
        var operations = HttpRouteWeights.Patch(Route(), new GatewayApiTrafficRouting { HttpRoute = "r" }, [], "web-stable", "web-canary", 30);

        Assert.Equal(
            """[{"op":"test","path":"/spec/rules/1/backendRefs/0/name","value":"web-stable"},{"op":"add","path":"/spec/rules/1/backendRefs/0/weight","value":70},"""
            + """{"op":"test","path":"/spec/rules/1/backendRefs/1/name","value":"web-canary"},{"op":"add","path":"/spec/rules/1/backendRefs/1/weight","value":30},"""
            + """{"op":"add","path":"/metadata/labels","value":{}},{"op":"add","path":"/metadata/labels/rollouts.argoproj.io~1gatewayapi-canary","value":"in-progress"}]""",
            operations.ToJsonString());
    }

    [Fact]
    public void Patch_WeightZeroWithLabel_RemovesLabel()
    {
        var route = Route(""","labels":{"rollouts.argoproj.io/gatewayapi-canary":"in-progress"}""");

        var operations = HttpRouteWeights.Patch(route, new GatewayApiTrafficRouting { HttpRoute = "r" }, [], "web-stable", "web-canary", 0);

        Assert.Equal("""[{"op":"remove","path":"/metadata/labels/rollouts.argoproj.io~1gatewayapi-canary"}]""", operations.ToJsonString());
    }

    [Fact]
    public void Patch_AlreadyThere_NoOperations()
    {
        Assert.Empty(HttpRouteWeights.Patch(Route(), new GatewayApiTrafficRouting { HttpRoute = "r" }, [], "web-stable", "web-canary", 0));
    }

    [Fact]
    public void Patch_LabelDisabled_WeightsOnly()
    {
        var operations = HttpRouteWeights.Patch(Route(), new GatewayApiTrafficRouting { HttpRoute = "r", DisableInProgressLabel = true }, [], "web-stable", "web-canary", 10);

        Assert.DoesNotContain(operations, o => o!["path"]!.GetValue<string>().StartsWith("/metadata", StringComparison.Ordinal));
    }

    [Fact]
    public void Patch_ManagedHeaderRule_KeepsNoWeight()
    {
        var route = JsonNode.Parse("""
            {"spec":{"rules":[{"backendRefs":[{"name":"web-stable","weight":100},{"name":"web-canary","weight":0}]},
                              {"name":"h","backendRefs":[{"name":"web-canary"}]}]}}
            """)!.AsObject();

        var operations = HttpRouteWeights.Patch(route, new GatewayApiTrafficRouting { HttpRoute = "r", DisableInProgressLabel = true }, ["h"], "web-stable", "web-canary", 10);

        Assert.DoesNotContain(operations, o => o!["path"]!.GetValue<string>().StartsWith("/spec/rules/1", StringComparison.Ordinal));
    }

    [Fact]
    public void Patch_NoCanaryBackend_PluginMessage()
    {
        var error = Assert.Throws<TrafficRoutingException>(() =>
            HttpRouteWeights.Patch(Route(), new GatewayApiTrafficRouting { HttpRoute = "r" }, [], "web-stable", "missing", 10));

        Assert.Equal("backendRef was not found in httpRoute", error.Message);
    }
}
