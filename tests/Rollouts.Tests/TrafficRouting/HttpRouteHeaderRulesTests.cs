using System.Text.Json.Nodes;
using Tollgate.Rollouts.TrafficRouting.GatewayApi;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Tests.TrafficRouting;

public sealed class HttpRouteHeaderRulesTests
{
    private const string Base = """
        {"name":"main","matches":[{"path":{"type":"PathPrefix","value":"/"},"headers":[{"name":"Host-Class","value":"web"}]}],"filters":[{"type":"RequestHeaderModifier"}],
         "backendRefs":[{"name":"web-stable","port":80,"weight":90},{"name":"web-canary","port":8080,"weight":10}]}
        """;

    private static JsonObject Route(params string[] rules) =>
        JsonNode.Parse("""{"spec":{"rules":[{"backendRefs":[{"name":"other"}]},""" + string.Join(",", rules) + "]}}")!.AsObject();

    private static SetHeaderRoute Header(params (string Name, StringMatch Value)[] matches) =>
        new() { Name = "h", Match = [.. matches.Select(m => new HeaderRoutingMatch { HeaderName = m.Name, HeaderValue = m.Value })] };

    [Fact]
    public void SetPatch_RuleToServices_ManagedRuleAppendedWithMergedMatchesCanaryOnly()
    {
        var operations = HttpRouteHeaderRules.SetPatch(Route(Base), Header(("X-Canary", new StringMatch { Exact = "yes" })), ["h"], "web-stable", "web-canary");

        var add = Assert.Single(operations);
        Assert.Equal("/spec/rules/-", add!["path"]!.GetValue<string>());
        Assert.Equal(
            """{"name":"h","matches":[{"path":{"type":"PathPrefix","value":"/"},"headers":[{"name":"Host-Class","value":"web"},{"name":"X-Canary","type":"Exact","value":"yes"}]}],"filters":[{"type":"RequestHeaderModifier"}],"backendRefs":[{"group":"","kind":"Service","name":"web-canary","port":8080}]}""",
            add["value"]!.ToJsonString());
    }

    [Fact]
    public void SetPatch_PrefixAndRegex_RegularExpressionAsThePluginMapsThem()
    {
        var operations = HttpRouteHeaderRules.SetPatch(
            Route("""{"backendRefs":[{"name":"web-stable"},{"name":"web-canary"}]}"""),
            Header(("X-User", new StringMatch { Prefix = "beta-" }), ("X-Build", new StringMatch { Regex = "^2.*" })),
            ["h"], "web-stable", "web-canary");

        var headers = operations[0]!["value"]!["matches"]![0]!["headers"]!.ToJsonString();
        Assert.Equal("""[{"name":"X-User","type":"RegularExpression","value":"beta-.*"},{"name":"X-Build","type":"RegularExpression","value":"^2.*"}]""", headers);
    }

    [Fact]
    public void SetPatch_AlreadySet_NoOperations()
    {
        var header = Header(("X-Canary", new StringMatch { Exact = "yes" }));
        var route = Route(Base);
        var rule = HttpRouteHeaderRules.SetPatch(route, header, ["h"], "web-stable", "web-canary")[0]!["value"]!.ToJsonString();

        Assert.Empty(HttpRouteHeaderRules.SetPatch(Route(Base, rule), header, ["h"], "web-stable", "web-canary"));
    }

    [Fact]
    public void SetPatch_Changed_OldRuleRemovedByTestedIndexNewAppended()
    {
        var old = """{"name":"h","matches":[],"backendRefs":[{"name":"web-canary"}]}""";

        var operations = HttpRouteHeaderRules.SetPatch(Route(Base, old), Header(("X-Canary", new StringMatch { Exact = "no" })), ["h"], "web-stable", "web-canary");

        Assert.Equal("""{"op":"test","path":"/spec/rules/2/name","value":"h"}""", operations[0]!.ToJsonString());
        Assert.Equal("""{"op":"remove","path":"/spec/rules/2"}""", operations[1]!.ToJsonString());
        Assert.Equal("add", operations[2]!["op"]!.GetValue<string>());
    }

    [Fact]
    public void RemovePatch_ManagedAndNumberedRules_RemovedHighestIndexFirst_OthersKept()
    {
        var route = Route(Base, """{"name":"h","backendRefs":[]}""", """{"name":"h-1","backendRefs":[]}""", """{"name":"h-extra","backendRefs":[]}""");

        var operations = HttpRouteHeaderRules.RemovePatch(route, ["h"]);

        Assert.Equal(
            """[{"op":"test","path":"/spec/rules/3/name","value":"h-1"},{"op":"remove","path":"/spec/rules/3"},{"op":"test","path":"/spec/rules/2/name","value":"h"},{"op":"remove","path":"/spec/rules/2"}]""",
            operations.ToJsonString());
    }

    [Fact]
    public void SetPatch_NoMatch_RemovesManagedRoutes()
    {
        var route = Route(Base, """{"name":"h","backendRefs":[]}""");

        var operations = HttpRouteHeaderRules.SetPatch(route, new SetHeaderRoute { Name = "h" }, ["h"], "web-stable", "web-canary");

        Assert.Equal("""{"op":"remove","path":"/spec/rules/2"}""", operations[1]!.ToJsonString());
    }
}
