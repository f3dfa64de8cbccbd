using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting.Istio;

/// <summary>
/// Pure: the HTTP routes Argo's Istio router writes for setHeaderRoute and setMirrorRoute, and the JSON patches that
/// place them. As Argo orders them, the routes named in trafficRouting.managedRoutes come first, in that list's order,
/// then the user's routes in their own order. A patch removes the managed routes (each removal guarded by a test of
/// its name) and adds them back in order at the top; the user's routes are never written.
/// </summary>
public static class VirtualServiceManagedRoutes
{
    public const string SpecHttpNotFound = "spec.http not found";

    /// <summary>
    /// The patch that sets the route named <paramref name="name"/> to <paramref name="route"/> (null removes it) and
    /// puts the managed routes in order; empty when the VirtualService already is so.
    /// </summary>
    /// <exception cref="TrafficRoutingException">The VirtualService has no spec.http.</exception>
    public static JsonArray SetPatch(JsonObject virtualService, string name, JsonObject? route, IReadOnlyList<string> managedNames)
    {
        ArgumentNullException.ThrowIfNull(virtualService);
        ArgumentNullException.ThrowIfNull(managedNames);
        var current = Routes(virtualService) ?? throw new TrafficRoutingException(SpecHttpNotFound);
        var after = current.Where(r => Name(r) != name).ToList();
        if (route is not null)
        {
            after.Add(route);
        }

        var managed = managedNames.SelectMany(n => after.Where(r => Name(r) == n)).ToList();
        var desired = managed.Concat(after.Where(r => !managedNames.Contains(Name(r) ?? "\0"))).ToList();
        if (desired.Count == current.Count && desired.Zip(current).All(p => JsonNode.DeepEquals(p.First, p.Second)))
        {
            return [];
        }

        var operations = Removals(current, [.. managedNames, name]);
        for (var index = 0; index < managed.Count; index++)
        {
            operations.Add(new JsonObject { ["op"] = "add", ["path"] = $"/spec/http/{index}", ["value"] = managed[index].DeepClone() });
        }

        return operations;
    }

    /// <summary>The patch that puts the managed routes first, in order (Argo's orderRoutes); empty when they are.</summary>
    public static JsonArray OrderPatch(JsonObject virtualService, IReadOnlyList<string> managedNames)
    {
        ArgumentNullException.ThrowIfNull(virtualService);
        ArgumentNullException.ThrowIfNull(managedNames);
        var current = Routes(virtualService);
        if (current is null || managedNames.Count == 0)
        {
            return [];
        }

        var name = current.Select(Name).FirstOrDefault(n => n is not null && managedNames.Contains(n));
        return name is null ? [] : SetPatch(virtualService, name, current.First(r => Name(r) == name), managedNames);
    }

    /// <summary>The patch removing every route named in <paramref name="names"/>; empty when none is there, or no spec.http.</summary>
    public static JsonArray RemovePatch(JsonObject virtualService, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(virtualService);
        return Routes(virtualService) is { } current ? Removals(current, names) : [];
    }

    /// <summary>
    /// Argo's createHeaderRoute: one match per header (any of them routes the request), all of it to the canary
    /// <paramref name="host"/> (and <paramref name="subset"/>) on the port of the weighted route's first destination.
    /// </summary>
    public static JsonObject HeaderRoute(JsonObject virtualService, SetHeaderRoute header, IReadOnlyList<string>? weightedRouteNames, IReadOnlyList<string> managedNames, string host, string? subset)
    {
        ArgumentNullException.ThrowIfNull(virtualService);
        ArgumentNullException.ThrowIfNull(header);
        var destinations = WeightedDestinations(virtualService, header.Name ?? "", weightedRouteNames, managedNames, out _);
        var matches = new JsonArray([.. (header.Match ?? []).Select(m => (JsonNode)new JsonObject { ["headers"] = new JsonObject { [m.HeaderName ?? ""] = MatchValue(m.HeaderValue) } })]);
        var destination = Destination(host, subset, Port(destinations));
        return new JsonObject
        {
            ["name"] = header.Name,
            ["match"] = matches,
            ["route"] = new JsonArray(new JsonObject { ["destination"] = destination, ["weight"] = 100 }),
        };
    }

    /// <summary>
    /// Argo's createMirrorRoute: the matches, the weighted route's destinations as they are now (host, subset, port
    /// and weight only), and a mirror to the canary on the port of their first destination.
    /// </summary>
    /// <exception cref="TrafficRoutingException">The weighted route is missing.</exception>
    public static JsonObject MirrorRoute(JsonObject virtualService, SetMirrorRoute mirror, IReadOnlyList<string>? weightedRouteNames, IReadOnlyList<string> managedNames, string host, string? subset)
    {
        ArgumentNullException.ThrowIfNull(virtualService);
        ArgumentNullException.ThrowIfNull(mirror);
        var destinations = WeightedDestinations(virtualService, mirror.Name ?? "", weightedRouteNames, managedNames, out var found);
        if (!found)
        {
            throw new TrafficRoutingException("the VirtualService has no route to weigh, so no destinations for the mirror route");
        }

        var route = new JsonObject { ["name"] = mirror.Name };
        if (mirror.Match is { Count: > 0 } matches)
        {
            route["match"] = new JsonArray([.. matches.Select(m => (JsonNode)Match(m))]);
        }

        route["route"] = new JsonArray([.. destinations.Select(d => (JsonNode)CopiedDestination(d))]);
        route["mirror"] = Destination(host, subset, Port(destinations));
        route["mirrorPercentage"] = new JsonObject { ["value"] = mirror.Percentage ?? 100 };
        return route;
    }

    private static List<JsonObject>? Routes(JsonObject virtualService) =>
        virtualService["spec"]?["http"] is JsonArray http ? [.. http.OfType<JsonObject>()] : null;

    private static string? Name(JsonObject route) => route["name"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;

    private static JsonArray Removals(List<JsonObject> routes, IReadOnlyCollection<string> names)
    {
        var operations = new JsonArray();
        for (var index = routes.Count - 1; index >= 0; index--)
        {
            if (Name(routes[index]) is { } name && names.Contains(name))
            {
                operations.Add(new JsonObject { ["op"] = "test", ["path"] = $"/spec/http/{index}/name", ["value"] = name });
                operations.Add(new JsonObject { ["op"] = "remove", ["path"] = $"/spec/http/{index}" });
            }
        }

        return operations;
    }

    /// <summary>The destinations of the first route SetWeight weighs, once the step's own route is gone.</summary>
    private static List<JsonObject> WeightedDestinations(JsonObject virtualService, string name, IReadOnlyList<string>? weightedRouteNames, IReadOnlyList<string> managedNames, out bool found)
    {
        var routes = (Routes(virtualService) ?? []).Where(r => Name(r) != name).ToList();
        var index = VirtualServiceWeights.FirstWeightedRoute(routes, weightedRouteNames, managedNames);
        found = index >= 0;
        return found ? [.. (routes[index]["route"] as JsonArray ?? []).OfType<JsonObject>()] : [];
    }

    private static JsonNode? Port(List<JsonObject> destinations) =>
        destinations.FirstOrDefault()?["destination"]?["port"]?["number"] is JsonValue number && number.TryGetValue<long>(out var port) && port > 0 ? JsonValue.Create(port) : null;

    private static JsonObject Destination(string host, string? subset, JsonNode? port)
    {
        var destination = new JsonObject { ["host"] = host };
        if (subset is { Length: > 0 })
        {
            destination["subset"] = subset;
        }

        if (port is not null)
        {
            destination["port"] = new JsonObject { ["number"] = port.DeepClone() };
        }

        return destination;
    }

    /// <summary>A destination as Argo's typed copy keeps it: host, subset, port number, a weight other than 0.</summary>
    private static JsonObject CopiedDestination(JsonObject source)
    {
        var destination = new JsonObject();
        foreach (var field in new[] { "host", "subset" })
        {
            if (source["destination"]?[field] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                destination[field] = text;
            }
        }

        if (source["destination"]?["port"]?["number"] is JsonValue number && number.TryGetValue<long>(out var port) && port > 0)
        {
            destination["port"] = new JsonObject { ["number"] = port };
        }

        var copy = new JsonObject { ["destination"] = destination };
        if (source["weight"] is JsonValue weight && weight.TryGetValue<long>(out var w) && w != 0)
        {
            copy["weight"] = w;
        }

        return copy;
    }

    /// <summary>An Istio HTTPMatchRequest: method, uri (the step's path) and headers, each only when set.</summary>
    private static JsonObject Match(RouteMatch match)
    {
        var result = new JsonObject();
        if (match.Method is { } method)
        {
            result["method"] = MatchValue(method);
        }

        if (match.Path is { } path)
        {
            result["uri"] = MatchValue(path);
        }

        if (match.Headers is { Count: > 0 } headers)
        {
            result["headers"] = new JsonObject(headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => KeyValuePair.Create(h.Key, (JsonNode?)MatchValue(h.Value))));
        }

        return result;
    }

    /// <summary>A StringMatch as Istio takes it: exact, regex or prefix, the ones set.</summary>
    private static JsonObject MatchValue(StringMatch? value)
    {
        var result = new JsonObject();
        foreach (var (key, text) in new[] { ("exact", value?.Exact), ("regex", value?.Regex), ("prefix", value?.Prefix) })
        {
            if (!string.IsNullOrEmpty(text))
            {
                result[key] = text;
            }
        }

        return result;
    }
}
