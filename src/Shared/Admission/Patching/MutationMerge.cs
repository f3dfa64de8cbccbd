using System.Text.Json.Nodes;

namespace Tollgate.Shared.Admission.Patching;

/// <summary>
/// Applies a handler's changes to the object exactly as the API server sent it. A typed model drops fields it does not
/// know and may add defaults when it is serialized again, so diffing the raw object against the serialized result
/// would remove or invent fields nobody touched. Instead the handler's changes are taken as the difference between
/// the model before the handler ran (<c>baseline</c>) and after (<c>modified</c>), and only those are applied to
/// <c>original</c>.
/// </summary>
public static class MutationMerge
{
    /// <returns>A new document: <paramref name="original"/> with the changes from baseline to modified.</returns>
    public static JsonNode? Apply(JsonNode? original, JsonNode? baseline, JsonNode? modified)
    {
        if (JsonNode.DeepEquals(baseline, modified))
        {
            return original?.DeepClone();
        }

        switch (original, baseline, modified)
        {
            case (JsonObject or null, JsonObject baselineObject, JsonObject modifiedObject):
                return MergeObjects(original as JsonObject, baselineObject, modifiedObject);
            case (JsonArray originalArray, JsonArray baselineArray, JsonArray modifiedArray)
                when originalArray.Count == baselineArray.Count && baselineArray.Count == modifiedArray.Count:
                var merged = new JsonArray();
                for (var i = 0; i < originalArray.Count; i++)
                {
                    merged.Add(Apply(originalArray[i], baselineArray[i], modifiedArray[i]));
                }

                return merged;
            default:
                return modified?.DeepClone();
        }
    }

    private static JsonObject MergeObjects(JsonObject? original, JsonObject baseline, JsonObject modified)
    {
        // A missing original (an object the model defaulted into existence) starts empty so that untouched defaults
        // stay out of the result and only the handler's own changes go in.
        var result = original?.DeepClone().AsObject() ?? [];
        foreach (var (key, _) in baseline)
        {
            if (!modified.ContainsKey(key))
            {
                result.Remove(key);
            }
        }

        foreach (var (key, modifiedValue) in modified)
        {
            if (!baseline.TryGetPropertyValue(key, out var baselineValue))
            {
                result[key] = modifiedValue?.DeepClone();
            }
            else if (!JsonNode.DeepEquals(baselineValue, modifiedValue))
            {
                var originalValue = original is not null && original.TryGetPropertyValue(key, out var value) ? value : null;
                result[key] = Apply(originalValue, baselineValue, modifiedValue);
            }
        }

        return result;
    }
}
