using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// Whether a ReplicaSet's pod template is the Rollout's, as Argo's PodTemplateEqualIgnoreHash decides it: the
/// rollouts-pod-template-hash label, the canary/stable metadata the controller injected, the anti-affinity term it
/// injected and the deprecated spec.serviceAccount do not count; null, empty objects and empty lists equal absence
/// (Kubernetes' semantic equality). The desired template must already carry the API server's defaults.
/// </summary>
public static class PodTemplateEquality
{
    private const string HashLabel = "rollouts-pod-template-hash";

    /// <param name="live">The ReplicaSet's spec.template as stored.</param>
    /// <param name="injectedMetadata">The ReplicaSet's rollout.argoproj.io/ephemeral-metadata annotation.</param>
    /// <param name="desired">The Rollout's template with the API server's defaults applied.</param>
    /// <param name="antiAffinityConfigured">spec.strategy.canary.antiAffinity is set: a term on the hash label was injected, not written.</param>
    public static bool AreEqual(JsonNode? live, string? injectedMetadata, JsonNode? desired, bool antiAffinityConfigured)
    {
        var liveCopy = live?.DeepClone() as JsonObject ?? [];
        var desiredCopy = desired?.DeepClone() as JsonObject ?? [];
        StripInjectedMetadata(liveCopy, injectedMetadata);
        if (antiAffinityConfigured)
        {
            StripInjectedAntiAffinity(liveCopy);
        }

        foreach (var template in new[] { liveCopy, desiredCopy })
        {
            (template["metadata"] as JsonObject)?.Remove("creationTimestamp");
            (template["metadata"]?["labels"] as JsonObject)?.Remove(HashLabel);
            (template["spec"] as JsonObject)?.Remove("serviceAccount");
        }

        return Canonical(liveCopy) == Canonical(desiredCopy);
    }

    private static void StripInjectedMetadata(JsonObject template, string? injectedMetadata)
    {
        if (string.IsNullOrEmpty(injectedMetadata) || template["metadata"] is not JsonObject metadata)
        {
            return;
        }

        var labels = Strings(metadata["labels"]);
        var annotations = Strings(metadata["annotations"]);
        EphemeralMetadata.Apply(labels, annotations, injectedMetadata, null);
        metadata["labels"] = ToObject(labels);
        metadata["annotations"] = ToObject(annotations);
    }

    private static void StripInjectedAntiAffinity(JsonObject template)
    {
        if (template["spec"]?["affinity"]?["podAntiAffinity"] is not JsonObject antiAffinity)
        {
            return;
        }

        foreach (var (list, termOf) in new (string, Func<JsonNode?, JsonNode?>)[]
        {
            ("preferredDuringSchedulingIgnoredDuringExecution", item => item?["podAffinityTerm"]),
            ("requiredDuringSchedulingIgnoredDuringExecution", item => item),
        })
        {
            if (antiAffinity[list] is not JsonArray terms)
            {
                continue;
            }

            var injected = terms.FirstOrDefault(item => termOf(item)?["labelSelector"]?["matchExpressions"] is JsonArray expressions
                && expressions.Any(e => e?["key"]?.GetValueKind() == JsonValueKind.String && e["key"]!.GetValue<string>() == HashLabel));
            if (injected is not null)
            {
                terms.Remove(injected);
            }
        }
    }

    private static Dictionary<string, string> Strings(JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (value?.GetValueKind() == JsonValueKind.String)
                {
                    result[key] = value.GetValue<string>();
                }
            }
        }

        return result;
    }

    private static JsonObject? ToObject(Dictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>Keys sorted; null, {} and [] dropped, so that absent and empty compare equal.</summary>
    internal static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.All(p => IsEmpty(p.Value)),
        JsonArray array => array.Count == 0,
        _ => false,
    };

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                foreach (var (key, value) in obj.Where(p => !IsEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(JsonValue.Create(key).ToJsonString()).Append(':');
                    Write(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                foreach (var item in array)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }
}
