using System.Text.Json.Nodes;
using Tollgate.Rollouts.TrafficRouting;
using Tollgate.Rollouts.TrafficRouting.Istio;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Tests.TrafficRouting;

public sealed class VirtualServiceManagedRoutesTests
{
    private const string Primary = """
        {"name":"primary","match":[{"uri":{"prefix":"/"}}],"retries":{"attempts":3},
         "route":[{"destination":{"host":"web-stable","port":{"number":8080},"headers":{"x":"y"}},"weight":80},{"destination":{"host":"web-canary","port":{"number":8080}},"weight":20},{"destination":{"host":"web-canary","subset":"old"}}]}
        """;

    private const string Admin = """{"name":"admin","route":[{"destination":{"host":"admin"}}]}""";

    private static readonly string[] Managed = ["m", "h"];

    private static JsonObject VirtualService(params string[] routes) =>
        JsonNode.Parse("""{"spec":{"hosts":["web"],"http":[""" + string.Join(",", routes) + "]}}")!.AsObject();

    private static SetHeaderRoute Header(params (string Name, StringMatch Value)[] matches) =>
        new() { Name = "h", Match = [.. matches.Select(m => new HeaderRoutingMatch { HeaderName = m.Name, HeaderValue = m.Value })] };

    [Fact]
    public void HeaderRoute_HostLevel_OneMatchPerHeaderAllToCanaryOnWeightedPort()
    {
        var route = VirtualServiceManagedRoutes.HeaderRoute(
            VirtualService(Admin, Primary), Header(("X-Canary", new StringMatch { Exact = "yes" }), ("X-User", new StringMatch { Prefix = "beta-" })), ["primary"], Managed, "web-canary", null);

        Assert.Equal(
            """{"name":"h","match":[{"headers":{"X-Canary":{"exact":"yes"}}},{"headers":{"X-User":{"prefix":"beta-"}}}],"route":[{"destination":{"host":"web-canary","port":{"number":8080}},"weight":100}]}""",
            route.ToJsonString());
    }

    [Fact]
    public void HeaderRoute_SubsetLevelRouteWithoutPort_HostAndCanarySubsetNoPort()
    {
        var service = VirtualService("""{"route":[{"destination":{"host":"web","subset":"stable"},"weight":100},{"destination":{"host":"web","subset":"canary"}}]}""");

        var route = VirtualServiceManagedRoutes.HeaderRoute(service, Header(("X-Canary", new StringMatch { Regex = "^y" })), null, Managed, "web.shop.svc.cluster.local", "canary");

        Assert.Equal(
            """{"name":"h","match":[{"headers":{"X-Canary":{"regex":"^y"}}}],"route":[{"destination":{"host":"web.shop.svc.cluster.local","subset":"canary"},"weight":100}]}""",
            route.ToJsonString());
    }

    [Fact]
    public void HeaderRoute_NoWeightedRoute_NoPortAsArgoIgnoresIt()
    {
        var route = VirtualServiceManagedRoutes.HeaderRoute(VirtualService(Admin), Header(("X", new StringMatch { Exact = "1" })), ["missing"], Managed, "web-canary", null);

        Assert.Equal("""{"host":"web-canary"}""", route["route"]![0]!["destination"]!.ToJsonString());
    }

    [Fact]
    public void MirrorRoute_Matches_UriForPathDestinationsCopiedAsArgoTypesThemMirrorAndPercentage()
    {
        var mirror = new SetMirrorRoute
        {
            Name = "m",
            Percentage = 35,
            Match =
            [
                new RouteMatch { Method = new StringMatch { Exact = "GET" }, Path = new StringMatch { Prefix = "/api" } },
                new RouteMatch { Headers = new Dictionary<string, StringMatch> { ["X-Z"] = new() { Regex = "z+" }, ["X-A"] = new() { Exact = "1" } } },
            ],
        };

        var route = VirtualServiceManagedRoutes.MirrorRoute(VirtualService(Admin, Primary), mirror, ["primary"], Managed, "web-canary", null);

        Assert.Equal(
            """{"name":"m","match":[{"method":{"exact":"GET"},"uri":{"prefix":"/api"}},{"headers":{"X-A":{"exact":"1"},"X-Z":{"regex":"z\u002B"}}}],"route":"""
            + """[{"destination":{"host":"web-stable","port":{"number":8080}},"weight":80},{"destination":{"host":"web-canary","port":{"number":8080}},"weight":20},{"destination":{"host":"web-canary","subset":"old"}}],"mirror":"""
            + """{"host":"web-canary","port":{"number":8080}},"mirrorPercentage":{"value":35}}""",
            route.ToJsonString());
    }

    [Fact]
    public void MirrorRoute_NoPercentageEmptyMatchSubsetLevel_HundredNoMatchCanarySubset()
    {
        var service = VirtualService("""{"route":[{"destination":{"host":"web","subset":"stable"},"weight":100},{"destination":{"host":"web","subset":"canary"},"weight":0}]}""");

        var route = VirtualServiceManagedRoutes.MirrorRoute(service, new SetMirrorRoute { Name = "m", Match = [] }, null, Managed, "web", "canary");

        Assert.Equal(
            """{"name":"m","route":[{"destination":{"host":"web","subset":"stable"},"weight":100},{"destination":{"host":"web","subset":"canary"}}],"mirror":{"host":"web","subset":"canary"},"mirrorPercentage":{"value":100}}""",
            route.ToJsonString());
    }

    [Fact]
    public void MirrorRoute_ItsOwnOldRouteAndWithoutNames_WeighsTheUserRoute()
    {
        var old = """{"name":"m","mirror":{"host":"web-canary"},"route":[{"destination":{"host":"elsewhere"},"weight":100}]}""";

        var route = VirtualServiceManagedRoutes.MirrorRoute(VirtualService(old, Primary), new SetMirrorRoute { Name = "m", Match = [new RouteMatch()] }, null, Managed, "web-canary", null);

        Assert.Equal("web-stable", route["route"]![0]!["destination"]!["host"]!.GetValue<string>());
        Assert.Equal("""[{}]""", route["match"]!.ToJsonString());
    }

    [Fact]
    public void MirrorRoute_NoWeightedRoute_Refused() =>
        Assert.Throws<TrafficRoutingException>(() =>
            VirtualServiceManagedRoutes.MirrorRoute(VirtualService(Admin), new SetMirrorRoute { Name = "m", Match = [] }, ["primary"], Managed, "web-canary", null));

    [Fact]
    public void SetPatch_NewRoute_AddedFirstUserRoutesNeverWritten()
    {
        var route = JsonNode.Parse("""{"name":"h","route":[]}""")!.AsObject();

        var operations = VirtualServiceManagedRoutes.SetPatch(VirtualService(Admin, Primary), "h", route, Managed);

        Assert.Equal("""[{"op":"add","path":"/spec/http/0","value":{"name":"h","route":[]}}]""", operations.ToJsonString());
    }

    [Fact]
    public void SetPatch_SecondManagedRoute_ManagedRoutesReplacedInManagedRoutesOrder()
    {
        var header = """{"name":"h","route":[]}""";
        var mirror = JsonNode.Parse("""{"name":"m","mirror":{"host":"web-canary"}}""")!.AsObject();

        var operations = VirtualServiceManagedRoutes.SetPatch(VirtualService(header, Primary), "m", mirror, Managed);

        Assert.Equal(
            """[{"op":"test","path":"/spec/http/0/name","value":"h"},{"op":"remove","path":"/spec/http/0"},"""
            + """{"op":"add","path":"/spec/http/0","value":{"name":"m","mirror":{"host":"web-canary"}}},{"op":"add","path":"/spec/http/1","value":{"name":"h","route":[]}}]""",
            operations.ToJsonString());
    }

    [Fact]
    public void SetPatch_ManagedRouteBelowUserRoutes_MovedToTheTop()
    {
        var header = """{"name":"h","route":[]}""";

        var operations = VirtualServiceManagedRoutes.SetPatch(VirtualService(Primary, header, Admin), "h", JsonNode.Parse(header)!.AsObject(), Managed);

        Assert.Equal(
            """[{"op":"test","path":"/spec/http/1/name","value":"h"},{"op":"remove","path":"/spec/http/1"},{"op":"add","path":"/spec/http/0","value":{"name":"h","route":[]}}]""",
            operations.ToJsonString());
    }

    [Fact]
    public void SetPatch_SameRouteInPlace_NoOperations()
    {
        var header = """{"name":"h","route":[]}""";

        Assert.Empty(VirtualServiceManagedRoutes.SetPatch(VirtualService(header, Primary), "h", JsonNode.Parse(header)!.AsObject(), Managed));
    }

    [Fact]
    public void SetPatch_NoRoute_RemovesOnlyThatRoute()
    {
        var operations = VirtualServiceManagedRoutes.SetPatch(VirtualService("""{"name":"m"}""", """{"name":"h"}""", Primary), "h", null, Managed);

        Assert.Equal(
            """[{"op":"test","path":"/spec/http/1/name","value":"h"},{"op":"remove","path":"/spec/http/1"},{"op":"test","path":"/spec/http/0/name","value":"m"},{"op":"remove","path":"/spec/http/0"},"""
            + """{"op":"add","path":"/spec/http/0","value":{"name":"m"}}]""",
            operations.ToJsonString());
    }

    [Fact]
    public void SetPatch_NoHttp_ArgoMessage() =>
        Assert.Equal("spec.http not found", Assert.Throws<TrafficRoutingException>(() =>
            VirtualServiceManagedRoutes.SetPatch(JsonNode.Parse("""{"spec":{"tcp":[]}}""")!.AsObject(), "h", null, Managed)).Message);

    [Fact]
    public void OrderPatch_InOrder_NoOperations() =>
        Assert.Empty(VirtualServiceManagedRoutes.OrderPatch(VirtualService("""{"name":"m"}""", """{"name":"h"}""", Primary), Managed));

    [Fact]
    public void OrderPatch_OutOfOrder_ManagedFirstInOrder()
    {
        var operations = VirtualServiceManagedRoutes.OrderPatch(VirtualService("""{"name":"h"}""", Admin, """{"name":"m"}"""), Managed);

        Assert.Equal(
            """[{"op":"test","path":"/spec/http/2/name","value":"m"},{"op":"remove","path":"/spec/http/2"},{"op":"test","path":"/spec/http/0/name","value":"h"},{"op":"remove","path":"/spec/http/0"},"""
            + """{"op":"add","path":"/spec/http/0","value":{"name":"m"}},{"op":"add","path":"/spec/http/1","value":{"name":"h"}}]""",
            operations.ToJsonString());
    }

    [Fact]
    public void RemovePatch_NamedRoutes_RemovedLastFirstEachTested()
    {
        var operations = VirtualServiceManagedRoutes.RemovePatch(VirtualService("""{"name":"m"}""", Primary, """{"name":"h"}"""), ["h", "m"]);

        Assert.Equal(
            """[{"op":"test","path":"/spec/http/2/name","value":"h"},{"op":"remove","path":"/spec/http/2"},{"op":"test","path":"/spec/http/0/name","value":"m"},{"op":"remove","path":"/spec/http/0"}]""",
            operations.ToJsonString());
    }

    [Theory]
    [InlineData("""{"spec":{"tcp":[]}}""")]
    [InlineData("""{"spec":{"http":[{"name":"primary"}]}}""")]
    public void RemovePatch_NoHttpOrNoManagedRoute_NoOperations(string virtualService) =>
        Assert.Empty(VirtualServiceManagedRoutes.RemovePatch(JsonNode.Parse(virtualService)!.AsObject(), ["h", "m"]));
}
