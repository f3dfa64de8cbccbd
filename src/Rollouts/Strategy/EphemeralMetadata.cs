using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// canaryMetadata / stableMetadata as Argo applies them: the labels and annotations of a role are put on the pod template
/// of the role's ReplicaSet and on its running pods in place; what was put there before and is no longer wanted is
/// taken off again, and nothing else is touched (another controller's labels stay). What was injected is remembered in
/// the ReplicaSet's rollout.argoproj.io/ephemeral-metadata annotation.
/// </summary>
public static class EphemeralMetadata
{
    public const string Annotation = "rollout.argoproj.io/ephemeral-metadata";

    /// <summary>The desired metadata as the annotation records it ({"labels":…,"annotations":…}); null for none.</summary>
    public static string? Serialize(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        var normalized = new JsonObject();
        foreach (var part in new[] { "labels", "annotations" })
        {
            if (value.TryGetProperty(part, out var map) && map.ValueKind == JsonValueKind.Object && map.EnumerateObject().Any())
            {
                var copy = new JsonObject();
                foreach (var pair in map.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    copy[pair.Name] = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString() : pair.Value.GetRawText();
                }

                normalized[part] = copy;
            }
        }

        return normalized.Count == 0 ? null : normalized.ToJsonString();
    }

    /// <summary>
    /// Puts <paramref name="desired"/> on <paramref name="labels"/> / <paramref name="annotations"/> and removes what
    /// <paramref name="previous"/> injected that is no longer desired. Both are serialized forms from <see cref="Serialize"/>.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public static bool Apply(IDictionary<string, string> labels, IDictionary<string, string> annotations, string? previous, string? desired)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(annotations);
        var wanted = Parse(desired);
        var before = Parse(previous);
        var changed = false;
        foreach (var (part, target) in new[] { ("labels", labels), ("annotations", annotations) })
        {
            var wantedPart = wanted.GetValueOrDefault(part) ?? [];
            foreach (var (key, value) in wantedPart)
            {
                if (!target.TryGetValue(key, out var current) || current != value)
                {
                    target[key] = value;
                    changed = true;
                }
            }

            foreach (var key in (before.GetValueOrDefault(part) ?? []).Keys.Where(k => !wantedPart.ContainsKey(k)))
            {
                changed |= target.Remove(key);
            }
        }

        return changed;
    }

    private static Dictionary<string, Dictionary<string, string>> Parse(string? serialized)
    {
        var parts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(serialized))
        {
            return parts;
        }

        try
        {
            using var document = JsonDocument.Parse(serialized);
            foreach (var part in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            {
                parts[part.Name] = part.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
            }
        }
        catch (JsonException)
        {
            // Argo ignores an unreadable record: nothing is known to have been injected.
        }

        return parts;
    }
}
