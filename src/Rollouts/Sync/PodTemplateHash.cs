using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Sync;

/// <summary>
/// The pod-template-hash of a template: FNV-1a (32 bit) over the template's canonical JSON (keys sorted, the hash label
/// itself ignored) and the collision count, written in Kubernetes' "safe" alphabet (no vowels, no look-alike digits).
/// </summary>
public static class PodTemplateHash
{
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static string Compute(V1PodTemplateSpec template, int? collisionCount = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var node = JsonSerializer.SerializeToNode(template, RolloutsJsonContext.Default.V1PodTemplateSpec) ?? new JsonObject();
        if (node["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(RolloutLabels.PodTemplateHash);
        }

        var canonical = new StringBuilder();
        WriteCanonical(node, canonical);
        if (collisionCount is { } collisions)
        {
            canonical.Append('#').Append(collisions);
        }

        return Encode(Fnv1a(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>Hash of the canary steps, so a change to the steps alone restarts them (status.currentStepHash).</summary>
    public static string ComputeSteps(IList<Shared.Entities.Rollouts.CanaryStep>? steps)
    {
        var node = new JsonArray();
        foreach (var step in steps ?? [])
        {
            node.Add(JsonSerializer.SerializeToNode(step, RolloutsJsonContext.Default.CanaryStep));
        }

        var canonical = new StringBuilder();
        WriteCanonical(node, canonical);
        return Encode(Fnv1a(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    public static uint Fnv1a(ReadOnlySpan<byte> data)
    {
        var hash = OffsetBasis;
        foreach (var b in data)
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    public static string Encode(uint value)
    {
        var text = new StringBuilder();
        foreach (var digit in value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            text.Append(SafeAlphabet[digit % SafeAlphabet.Length]);
        }

        return text.ToString();
    }

    private static void WriteCanonical(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (value is null)
                    {
                        continue;
                    }

                    text.Append(JsonSerializer.Serialize(key, RolloutsControllerJsonContext.Default.String)).Append(':');
                    WriteCanonical(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                foreach (var item in array)
                {
                    WriteCanonical(item, text);
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
