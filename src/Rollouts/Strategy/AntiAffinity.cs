using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// spec.strategy.canary.antiAffinity as Argo injects it into a new ReplicaSet's pods while a stable one exists: a pod
/// anti-affinity term against the stable pods' rollouts-pod-template-hash on kubernetes.io/hostname, preferred (with
/// its weight) or required.
/// </summary>
public static class AntiAffinity
{
    public const string TopologyKey = "kubernetes.io/hostname";

    /// <param name="affinity">The template's spec.affinity as written, if any.</param>
    /// <param name="strategy">antiAffinity as written.</param>
    /// <param name="stableHash">The stable ReplicaSet's hash; null or the new one's: nothing to avoid.</param>
    /// <returns>The affinity to put in the new ReplicaSet's pod template, or null to leave the template as written.</returns>
    public static JsonObject? Inject(JsonElement? affinity, JsonElement? strategy, string? stableHash, string newHash)
    {
        if (strategy is not { ValueKind: JsonValueKind.Object } rule || string.IsNullOrEmpty(stableHash) || stableHash == newHash)
        {
            return null;
        }

        var term = new JsonObject
        {
            ["labelSelector"] = new JsonObject
            {
                ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = "rollouts-pod-template-hash", ["operator"] = "In", ["values"] = new JsonArray(stableHash) }),
            },
            ["topologyKey"] = TopologyKey,
        };
        var result = affinity is { ValueKind: JsonValueKind.Object } written ? JsonNode.Parse(written.GetRawText())!.AsObject() : [];
        var antiAffinity = result["podAntiAffinity"] as JsonObject ?? [];
        result["podAntiAffinity"] = antiAffinity;
        if (rule.TryGetProperty("preferredDuringSchedulingIgnoredDuringExecution", out var preferred) && preferred.ValueKind == JsonValueKind.Object)
        {
            var weight = preferred.TryGetProperty("weight", out var w) && w.TryGetInt32(out var number) ? number : 1;
            Append(antiAffinity, "preferredDuringSchedulingIgnoredDuringExecution", new JsonObject { ["weight"] = weight, ["podAffinityTerm"] = term });
        }
        else if (rule.TryGetProperty("requiredDuringSchedulingIgnoredDuringExecution", out var required) && required.ValueKind == JsonValueKind.Object)
        {
            Append(antiAffinity, "requiredDuringSchedulingIgnoredDuringExecution", term);
        }
        else
        {
            return null;
        }

        return result;
    }

    private static void Append(JsonObject owner, string name, JsonNode item)
    {
        var list = owner[name] as JsonArray ?? [];
        owner[name] = list;
        list.Add(item);
    }
}
