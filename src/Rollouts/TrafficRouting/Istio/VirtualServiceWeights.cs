using System.Text.Json.Nodes;

namespace Tollgate.Rollouts.TrafficRouting.Istio;

/// <summary>
/// Pure: Argo's host-level Istio split as a JSON patch. In the VirtualService's chosen HTTP routes, the destination
/// whose host (up to its first dot) is the canary Service gets the weight, the stable Service's the rest, and any other
/// destination is removed, as Argo's processRoutes does. Each write is guarded by a test of the destination's host.
/// The chosen routes are the named ones (or the user's only route) and, as in Argo, the mirror routes of managedRoutes.
/// </summary>
public static class VirtualServiceWeights
{
    /// <returns>The operations; empty when the routes already have these weights (or the VirtualService has no http).</returns>
    /// <exception cref="TrafficRoutingException">A named route is missing, or a route lacks the canary or stable Service.</exception>
    /// <param name="subsets">The DestinationRule's canary and stable subset names (subset-level), or null (host-level).</param>
    /// <param name="managedNames">trafficRouting.managedRoutes: their mirror routes are weighed too, and none is the user's route.</param>
    public static JsonArray Patch(
        JsonObject virtualService, IReadOnlyList<string>? routeNames, string stableService, string canaryService, int weight,
        (string Canary, string Stable)? subsets = null, IReadOnlyList<string>? managedNames = null)
    {
        ArgumentNullException.ThrowIfNull(virtualService);
        var operations = new JsonArray();
        if (virtualService["spec"]?["http"] is not JsonArray http)
        {
            return operations;
        }

        var routes = http.OfType<JsonObject>().ToList();
        var managed = managedNames ?? [];
        var mirrors = routes.Select((route, index) => (route, index))
            .Where(p => p.route["mirror"] is not null && RouteName(p.route) is { } name && managed.Contains(name))
            .Select(p => p.index);
        foreach (var index in RouteIndexes(routes, routeNames, managed).Concat(mirrors).Distinct())
        {
            var destinations = (routes[index]["route"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var hosts = destinations.Select(Host).ToList();
            var subsetNames = destinations.Select(d => d["destination"]?["subset"]?.GetValue<string>() ?? "").ToList();
            // Argo checks the user's routes only; a mirror route is weighed as it is.
            if (!(RouteName(routes[index]) is { } routeName && managed.Contains(routeName)))
            {
                CheckDestinations(hosts, subsetNames, stableService, canaryService, subsets);
            }

            var removals = new List<int>();
            for (var j = 0; j < destinations.Count; j++)
            {
                if (hosts[j].Length == 0)
                {
                    // Argo's processRoutes skips a destination without a host up to its first dot.
                    continue;
                }

                var path = $"/spec/http/{index}/route/{j}";
                var fullHost = destinations[j]["destination"]?["host"]?.GetValue<string>();
                var isCanary = (canaryService.Length > 0 && hosts[j] == canaryService) || (subsets is { } c && subsetNames[j].Length > 0 && subsetNames[j] == c.Canary);
                var isStable = (stableService.Length > 0 && hosts[j] == stableService) || (subsets is { } s && subsetNames[j].Length > 0 && subsetNames[j] == s.Stable);
                int? wanted = isCanary ? weight : isStable ? 100 - weight : null;
                if (wanted is null)
                {
                    removals.Add(j);
                    continue;
                }

                if (destinations[j]["weight"] is JsonValue current && current.TryGetValue<int>(out var now) && now == wanted)
                {
                    continue;
                }

                operations.Add(new JsonObject { ["op"] = "test", ["path"] = path + "/destination/host", ["value"] = fullHost });
                operations.Add(new JsonObject { ["op"] = "add", ["path"] = path + "/weight", ["value"] = wanted });
            }

            foreach (var j in removals.OrderDescending())
            {
                var path = $"/spec/http/{index}/route/{j}";
                operations.Add(new JsonObject { ["op"] = "test", ["path"] = path + "/destination/host", ["value"] = destinations[j]["destination"]?["host"]?.DeepClone() });
                operations.Add(new JsonObject { ["op"] = "remove", ["path"] = path });
            }
        }

        return operations;
    }

    /// <summary>Argo's validateVirtualServiceRouteDestinations: the route has both the canary and the stable destination.</summary>
    private static void CheckDestinations(List<string> hosts, List<string> subsetNames, string stableService, string canaryService, (string Canary, string Stable)? subsets)
    {
        if (subsets is { } named)
        {
            if (!subsetNames.Contains(named.Canary))
            {
                throw new TrafficRoutingException($"Canary DestinationRule subset '{named.Canary}' not found in route");
            }

            if (!subsetNames.Contains(named.Stable))
            {
                throw new TrafficRoutingException($"Stable DestinationRule subset '{named.Stable}' not found in route");
            }
        }
        else if (!hosts.Contains(canaryService))
        {
            throw new TrafficRoutingException($"Canary Service '{canaryService}' not found in route");
        }
        else if (!hosts.Contains(stableService))
        {
            throw new TrafficRoutingException($"Stable Service '{stableService}' not found in route");
        }
    }

    /// <summary>
    /// The routes SetWeight weighs (Argo's getHttpRouteIndexesToPatch and ValidateHTTPRoutes): the named ones; without
    /// names the only route not named in managedRoutes.
    /// </summary>
    private static List<int> RouteIndexes(List<JsonObject> routes, IReadOnlyList<string>? names, IReadOnlyList<string> managedNames)
    {
        if (names is not { Count: > 0 })
        {
            var user = routes.Select((route, index) => (route, index)).Where(p => RouteName(p.route) is not { } name || !managedNames.Contains(name)).ToList();
            if (user.Count != 1)
            {
                throw new TrafficRoutingException("spec.http[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.routes");
            }

            return [user[0].index];
        }

        return [.. names.Select(name =>
        {
            var index = routes.FindIndex(r => RouteName(r) == name);
            return index >= 0 ? index : throw new TrafficRoutingException($"HTTP Route '{name}' is not found in the defined Virtual Service.");
        })];
    }

    /// <summary>The index of the first route SetWeight weighs, or -1 when there is none (Argo's getVirtualServiceSetWeightRoute).</summary>
    public static int FirstWeightedRoute(IReadOnlyList<JsonObject> routes, IReadOnlyList<string>? names, IReadOnlyList<string> managedNames)
    {
        ArgumentNullException.ThrowIfNull(routes);
        try
        {
            return RouteIndexes([.. routes], names, managedNames)[0];
        }
        catch (TrafficRoutingException)
        {
            return -1;
        }
    }

    private static string? RouteName(JsonObject route) => route["name"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;

    /// <summary>The destination's host up to its first dot, as Argo's getHost reads it ("" when it starts with one).</summary>
    private static string Host(JsonObject destination)
    {
        var host = destination["destination"]?["host"]?.GetValue<string>() ?? "";
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? host : dot == 0 ? "" : host[..dot];
    }

    /// <summary>"name" or "name.namespace" (a trailing .cluster.local dropped), as Argo's GetVirtualServiceNamespaceName.</summary>
    public static (string? Namespace, string Name) NamespaceAndName(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var trimmed = reference.EndsWith(".cluster.local", StringComparison.Ordinal) ? reference[..^".cluster.local".Length] : reference;
        var dot = trimmed.LastIndexOf('.');
        return dot > 0 ? (trimmed[(dot + 1)..], trimmed[..dot]) : (null, trimmed);
    }
}
