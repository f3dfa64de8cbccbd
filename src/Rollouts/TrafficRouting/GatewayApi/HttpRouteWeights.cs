using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting.GatewayApi;

/// <summary>
/// Pure: the JSON patch that sets an HTTPRoute's canary and stable backendRef weights (and the plugin's in-progress
/// label) and touches nothing else. Every changed weight is guarded by a test of the backendRef's name, so a route
/// edited in between is refused by the API server rather than written at the wrong place.
/// </summary>
public static class HttpRouteWeights
{
    /// <returns>The operations; empty when the route already has these weights.</returns>
    /// <exception cref="TrafficRoutingException">The route has no backendRef for the canary or for the stable Service.</exception>
    /// <param name="managedNames">trafficRouting.managedRoutes: their header rules send to the canary only and keep no weight.</param>
    public static JsonArray Patch(JsonObject route, GatewayApiTrafficRouting config, IReadOnlyCollection<string> managedNames, string stableService, string canaryService, int weight)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(config);
        var operations = new JsonArray();
        bool canaryFound = false, stableFound = false;
        var rules = route["spec"]?["rules"] as JsonArray ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is JsonObject rule && HttpRouteHeaderRules.IsManaged(rule, managedNames))
            {
                continue;
            }

            var refs = rules[i]?["backendRefs"] as JsonArray ?? [];
            for (var j = 0; j < refs.Count; j++)
            {
                var name = refs[j]?["name"]?.GetValue<string>();
                int wanted;
                if (name == canaryService)
                {
                    canaryFound = true;
                    wanted = weight;
                }
                else if (name == stableService)
                {
                    stableFound = true;
                    wanted = 100 - weight;
                }
                else
                {
                    continue;
                }

                var current = refs[j]?["weight"];
                if (current is not null && current.GetValueKind() == System.Text.Json.JsonValueKind.Number && current.GetValue<int>() == wanted)
                {
                    continue;
                }

                var path = $"/spec/rules/{i}/backendRefs/{j}";
                operations.Add(new JsonObject { ["op"] = "test", ["path"] = path + "/name", ["value"] = name });
                operations.Add(new JsonObject { ["op"] = "add", ["path"] = path + "/weight", ["value"] = wanted });
            }
        }

        if (!canaryFound || !stableFound)
        {
            throw new TrafficRoutingException("backendRef was not found in httpRoute");
        }

        AddInProgressLabel(route, config, weight, operations);
        return operations;
    }

    /// <summary>The plugin labels a route while it sends the canary traffic, and removes the label at weight 0.</summary>
    private static void AddInProgressLabel(JsonObject route, GatewayApiTrafficRouting config, int weight, JsonArray operations)
    {
        if (config.DisableInProgressLabel == true)
        {
            return;
        }

        var key = config.InProgressLabelKey is { Length: > 0 } k ? k : GatewayApiTrafficRouting.DefaultInProgressLabelKey;
        var value = config.InProgressLabelValue is { Length: > 0 } v ? v : GatewayApiTrafficRouting.DefaultInProgressLabelValue;
        var labels = route["metadata"]?["labels"] as JsonObject;
        var path = "/metadata/labels/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        var present = labels?[key]?.GetValue<string>();
        if (weight == 0)
        {
            if (present is not null)
            {
                operations.Add(new JsonObject { ["op"] = "remove", ["path"] = path });
            }

            return;
        }

        if (present == value)
        {
            return;
        }

        if (labels is null)
        {
            operations.Add(new JsonObject { ["op"] = "add", ["path"] = "/metadata/labels", ["value"] = new JsonObject() });
        }

        operations.Add(new JsonObject { ["op"] = "add", ["path"] = path, ["value"] = value });
    }
}
