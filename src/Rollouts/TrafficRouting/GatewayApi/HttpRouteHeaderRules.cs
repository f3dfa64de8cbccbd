using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting.GatewayApi;

/// <summary>
/// Pure: the managed header rules of an HTTPRoute, as the Gateway API plugin writes them. For every rule that sends to
/// the canary or stable Service, a rule named after the managed route (<c>name</c>, then <c>name-1</c>, ...) with the
/// rule's matches plus the headers and the canary Service as only backend. The patch removes the route's earlier
/// rules of that name (each removal guarded by a test of its name) and appends the new ones; nothing else moves.
/// </summary>
public static class HttpRouteHeaderRules
{
    /// <returns>The JSON patch; empty when the route already has exactly these rules.</returns>
    public static JsonArray SetPatch(JsonObject route, SetHeaderRoute header, IEnumerable<string> managedNames, string stableService, string canaryService)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(header);
        if (header.Match is not { Count: > 0 } matches)
        {
            return RemovePatch(route, managedNames);
        }

        var name = header.Name ?? "";
        var rules = Rules(route);
        var headers = new JsonArray([.. matches.Select(HeaderMatch)]);
        var added = new List<JsonObject>();
        var all = managedNames.Append(name).ToList();
        foreach (var rule in rules.Where(r => !IsManaged(r, all) && References(r, stableService, canaryService)))
        {
            var canaryRef = (rule["backendRefs"] as JsonArray)?.FirstOrDefault(r => r?["name"]?.GetValue<string>() == canaryService);
            var backend = new JsonObject { ["group"] = "", ["kind"] = "Service", ["name"] = canaryService };
            if (canaryRef?["port"] is JsonNode port)
            {
                backend["port"] = port.DeepClone();
            }

            var sourceMatches = rule["matches"] as JsonArray is { Count: > 0 } existing
                ? existing.OfType<JsonObject>().Select(m => Merged(m, headers))
                : [new JsonObject { ["headers"] = headers.DeepClone() }];
            added.Add(new JsonObject
            {
                ["name"] = added.Count == 0 ? name : $"{name}-{added.Count}",
                ["matches"] = new JsonArray([.. sourceMatches]),
                ["filters"] = rule["filters"]?.DeepClone() ?? new JsonArray(),
                ["backendRefs"] = new JsonArray(backend),
            });
        }

        var remove = Indexes(rules, [name]);
        var kept = rules.Where((_, i) => !remove.Any(r => r.Index == i)).ToList();
        if (kept.Count + added.Count == rules.Count && kept.Concat(added).Zip(rules).All(p => JsonNode.DeepEquals(p.First, p.Second)))
        {
            return [];
        }

        var operations = Removals(remove);
        foreach (var rule in added)
        {
            operations.Add(new JsonObject { ["op"] = "add", ["path"] = "/spec/rules/-", ["value"] = rule });
        }

        return operations;
    }

    /// <summary>The patch removing every rule named after a managed route; empty when there is none.</summary>
    public static JsonArray RemovePatch(JsonObject route, IEnumerable<string> managedNames)
    {
        ArgumentNullException.ThrowIfNull(route);
        return Removals(Indexes(Rules(route), [.. managedNames]));
    }

    private static List<JsonObject> Rules(JsonObject route) => [.. (route["spec"]?["rules"] as JsonArray ?? []).OfType<JsonObject>()];

    private static List<(int Index, string Name)> Indexes(List<JsonObject> rules, IReadOnlyCollection<string> names) =>
        [.. rules.Select((rule, index) => (rule, index)).Where(p => IsManaged(p.rule, names)).Select(p => (p.index, p.rule["name"]!.GetValue<string>()))];

    private static JsonArray Removals(List<(int Index, string Name)> rules)
    {
        var operations = new JsonArray();
        foreach (var (index, name) in rules.OrderByDescending(r => r.Index))
        {
            operations.Add(new JsonObject { ["op"] = "test", ["path"] = $"/spec/rules/{index}/name", ["value"] = name });
            operations.Add(new JsonObject { ["op"] = "remove", ["path"] = $"/spec/rules/{index}" });
        }

        return operations;
    }

    /// <summary>A rule written for <paramref name="names"/>: named exactly so, or so plus "-N".</summary>
    public static bool IsManaged(JsonObject rule, IEnumerable<string> names) =>
        rule["name"]?.GetValue<string>() is { } ruleName
        && names.Any(n => n.Length > 0 && (ruleName == n || (ruleName.StartsWith(n + "-", StringComparison.Ordinal) && int.TryParse(ruleName[(n.Length + 1)..], out _))));

    private static bool References(JsonObject rule, string stableService, string canaryService) =>
        (rule["backendRefs"] as JsonArray ?? []).Any(r => r?["name"]?.GetValue<string>() is { } name && (name == stableService || name == canaryService));

    private static JsonObject Merged(JsonObject match, JsonArray headers)
    {
        var merged = new JsonArray([.. (match["headers"] as JsonArray ?? []).Select(h => h?.DeepClone()), .. headers.Select(h => h?.DeepClone())]);
        var result = new JsonObject();
        foreach (var field in new[] { "path", "queryParams", "method" })
        {
            if (match[field] is JsonNode value)
            {
                result[field] = value.DeepClone();
            }
        }

        result["headers"] = merged;
        return result;
    }

    /// <summary>exact as Exact; prefix and regex as RegularExpression (a prefix gets ".*"), as the plugin maps them.</summary>
    private static JsonObject HeaderMatch(HeaderRoutingMatch match) => match.HeaderValue switch
    {
        { Exact: { Length: > 0 } exact } => new JsonObject { ["name"] = match.HeaderName, ["type"] = "Exact", ["value"] = exact },
        { Prefix: { Length: > 0 } prefix } => new JsonObject { ["name"] = match.HeaderName, ["type"] = "RegularExpression", ["value"] = prefix + ".*" },
        { Regex: { Length: > 0 } regex } => new JsonObject { ["name"] = match.HeaderName, ["type"] = "RegularExpression", ["value"] = regex },
        _ => throw new TrafficRoutingException($"header {match.HeaderName}: set exactly one of exact, prefix or regex"),
    };
}
