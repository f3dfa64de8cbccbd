using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting.Istio;

/// <summary>
/// Pure: the JSON patch that sets the rollouts-pod-template-hash label of the DestinationRule's canary and stable
/// subsets (and Argo's managed-by annotation), each guarded by a test of the subset's name. Other subsets stay.
/// </summary>
public static class DestinationRuleSubsets
{
    public const string HashLabel = "rollouts-pod-template-hash";

    public const string ManagedByAnnotation = "argo-rollouts.argoproj.io/managed-by-rollouts";

    /// <exception cref="TrafficRoutingException">The DestinationRule lacks the canary or the stable subset.</exception>
    public static JsonArray Patch(JsonObject destinationRule, IstioDestinationRule rule, string rolloutName, string canaryHash, string stableHash)
    {
        ArgumentNullException.ThrowIfNull(destinationRule);
        ArgumentNullException.ThrowIfNull(rule);
        var subsets = (destinationRule["spec"]?["subsets"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var operations = new JsonArray();
        foreach (var (name, hash) in new[] { (rule.CanarySubsetName!, canaryHash), (rule.StableSubsetName!, stableHash) })
        {
            var index = subsets.FindIndex(s => s["name"]?.GetValue<string>() == name);
            if (index < 0)
            {
                throw new TrafficRoutingException($"DestinationRule `{rule.Name}` has no subset `{name}`");
            }

            var labels = subsets[index]["labels"] as JsonObject;
            if (labels?[HashLabel]?.GetValue<string>() == hash)
            {
                continue;
            }

            var path = $"/spec/subsets/{index}";
            operations.Add(new JsonObject { ["op"] = "test", ["path"] = path + "/name", ["value"] = name });
            if (labels is null)
            {
                operations.Add(new JsonObject { ["op"] = "add", ["path"] = path + "/labels", ["value"] = new JsonObject() });
            }

            operations.Add(new JsonObject { ["op"] = "add", ["path"] = $"{path}/labels/{HashLabel}", ["value"] = hash });
        }

        if (operations.Count > 0 && destinationRule["metadata"]?["annotations"]?[ManagedByAnnotation]?.GetValue<string>() != rolloutName)
        {
            if (destinationRule["metadata"]?["annotations"] is null)
            {
                operations.Add(new JsonObject { ["op"] = "add", ["path"] = "/metadata/annotations", ["value"] = new JsonObject() });
            }

            operations.Add(new JsonObject { ["op"] = "add", ["path"] = "/metadata/annotations/" + ManagedByAnnotation.Replace("/", "~1", StringComparison.Ordinal), ["value"] = rolloutName });
        }

        return operations;
    }
}
