using System.Text.Json.Nodes;
using Tollgate.Rollouts.TrafficRouting;
using Tollgate.Rollouts.TrafficRouting.Istio;

namespace Tollgate.Rollouts.Tests.TrafficRouting;

public sealed class VirtualServiceWeightsTests
{
    private static JsonObject VirtualService(string http) => JsonNode.Parse("""{"spec":{"hosts":["web"],"http":""" + http + "}}")!.AsObject();

    private const string OneRoute = """
        [{"route":[{"destination":{"host":"web-stable.shop.svc.cluster.local"},"weight":100},{"destination":{"host":"web-canary"},"weight":0}]}]
        """;

    [Fact]
    public void Patch_SingleRoute_HostUpToFirstDotWeighedWithTestedHost()
    {
        var operations = VirtualServiceWeights.Patch(VirtualService(OneRoute), null, "web-stable", "web-canary", 30);

        Assert.Equal(
            """[{"op":"test","path":"/spec/http/0/route/0/destination/host","value":"web-stable.shop.svc.cluster.local"},{"op":"add","path":"/spec/http/0/route/0/weight","value":70},"""
            + """{"op":"test","path":"/spec/http/0/route/1/destination/host","value":"web-canary"},{"op":"add","path":"/spec/http/0/route/1/weight","value":30}]""",
            operations.ToJsonString());
    }

    [Fact]
    public void Patch_AlreadyWeighed_NoOperations() =>
        Assert.Empty(VirtualServiceWeights.Patch(VirtualService(OneRoute), null, "web-stable", "web-canary", 0));

    [Fact]
    public void Patch_NamedRoute_OnlyThatRouteAndOtherDestinationsRemovedAsArgo()
    {
        var http = """
            [{"name":"other","route":[{"destination":{"host":"x"},"weight":100}]},
             {"name":"primary","route":[{"destination":{"host":"web-stable"},"weight":100},{"destination":{"host":"web-canary"},"weight":0},{"destination":{"host":"legacy"},"weight":0}]}]
            """;

        var operations = VirtualServiceWeights.Patch(VirtualService(http), ["primary"], "web-stable", "web-canary", 0);

        Assert.Equal("""[{"op":"test","path":"/spec/http/1/route/2/destination/host","value":"legacy"},{"op":"remove","path":"/spec/http/1/route/2"}]""", operations.ToJsonString());
    }

    [Fact]
    public void Patch_SeveralRoutesWithoutNames_ArgoMessage()
    {
        var error = Assert.Throws<TrafficRoutingException>(() => VirtualServiceWeights.Patch(VirtualService($"[{OneRoute[1..^1]},{OneRoute[1..^1]}]"), null, "web-stable", "web-canary", 10));

        Assert.StartsWith("spec.http[] should be set in VirtualService and it must have exactly one route", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "HTTP Route 'missing' is not found in the defined Virtual Service.")]
    public void Patch_UnknownRoute_ArgoMessage(string route, string message) =>
        Assert.Equal(message, Assert.Throws<TrafficRoutingException>(() => VirtualServiceWeights.Patch(VirtualService(OneRoute), [route], "web-stable", "web-canary", 10)).Message);

    [Fact]
    public void Patch_NoCanaryDestination_ArgoMessage() =>
        Assert.Equal("Canary Service 'other' not found in route", Assert.Throws<TrafficRoutingException>(() => VirtualServiceWeights.Patch(VirtualService(OneRoute), null, "web-stable", "other", 10)).Message);

    [Fact]
    public void Patch_Subsets_DestinationsBySubset()
    {
        var http = """[{"route":[{"destination":{"host":"web","subset":"stable"},"weight":100},{"destination":{"host":"web","subset":"canary"},"weight":0}]}]""";

        var operations = VirtualServiceWeights.Patch(VirtualService(http), null, "", "", 25, ("canary", "stable"));

        Assert.Equal(
            """[{"op":"test","path":"/spec/http/0/route/0/destination/host","value":"web"},{"op":"add","path":"/spec/http/0/route/0/weight","value":75},"""
            + """{"op":"test","path":"/spec/http/0/route/1/destination/host","value":"web"},{"op":"add","path":"/spec/http/0/route/1/weight","value":25}]""",
            operations.ToJsonString());
    }

    [Fact]
    public void Patch_SubsetMissing_ArgoMessage() =>
        Assert.Equal("Canary DestinationRule subset 'canary' not found in route",
            Assert.Throws<TrafficRoutingException>(() => VirtualServiceWeights.Patch(VirtualService(OneRoute), null, "", "", 10, ("canary", "stable"))).Message);

    [Fact]
    public void Patch_ManagedMirrorRoute_WeighedLikeTheNamedRouteWithoutChecks()
    {
        var http = """
            [{"name":"m","mirror":{"host":"web-canary"},"route":[{"destination":{"host":"web-stable"},"weight":90},{"destination":{"host":"web-canary"}}]},
             {"name":"h","route":[{"destination":{"host":"web-canary"},"weight":100}]},
             {"name":"primary","route":[{"destination":{"host":"web-stable"},"weight":90},{"destination":{"host":"web-canary"},"weight":10}]}]
            """;

        var operations = VirtualServiceWeights.Patch(VirtualService(http), ["primary"], "web-stable", "web-canary", 10, managedNames: ["m", "h"]);

        Assert.Equal("""[{"op":"test","path":"/spec/http/0/route/1/destination/host","value":"web-canary"},{"op":"add","path":"/spec/http/0/route/1/weight","value":10}]""", operations.ToJsonString());
    }

    [Fact]
    public void Patch_UnmanagedMirrorRoute_NotWeighed()
    {
        var http = """
            [{"name":"user-mirror","mirror":{"host":"web-canary"},"route":[{"destination":{"host":"web-stable"},"weight":100}]},
             {"name":"primary","route":[{"destination":{"host":"web-stable"},"weight":90},{"destination":{"host":"web-canary"},"weight":10}]}]
            """;

        Assert.Empty(VirtualServiceWeights.Patch(VirtualService(http), ["primary"], "web-stable", "web-canary", 10, managedNames: ["m"]));
    }

    [Fact]
    public void Patch_WithoutNamesAndAManagedRoute_WeighsTheOneUserRoute()
    {
        var http = $$"""[{"name":"h","route":[{"destination":{"host":"web-canary"},"weight":100}]},{{OneRoute[1..^1]}}]""";

        var operations = VirtualServiceWeights.Patch(VirtualService(http), null, "web-stable", "web-canary", 30, managedNames: ["h"]);

        Assert.Equal(4, operations.Count);
        Assert.All(operations, o => Assert.StartsWith("/spec/http/1/", o!["path"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Patch_DestinationWithoutHost_LeftAsArgoSkipsIt()
    {
        var http = """[{"route":[{"destination":{"host":"web-stable"},"weight":100},{"destination":{"host":"web-canary"},"weight":0},{"destination":{"host":".odd"},"weight":0}]}]""";

        Assert.Empty(VirtualServiceWeights.Patch(VirtualService(http), null, "web-stable", "web-canary", 0));
    }

    [Theory]
    [InlineData("vs", null, "vs")]
    [InlineData("vs.edge", "edge", "vs")]
    [InlineData("vs.edge.cluster.local", "edge", "vs")]
    public void NamespaceAndName_Reference_AsArgoSplitsIt(string reference, string? @namespace, string name) =>
        Assert.Equal((@namespace, name), VirtualServiceWeights.NamespaceAndName(reference));
}
