using System.Text.Json.Nodes;

namespace Tollgate.Shared.Admission.Patching;

/// <summary>RFC 6902 JSON patches that turn one JSON document into another.</summary>
public static class JsonDiff
{
    /// <summary>
    /// The operations that turn <paramref name="source"/> into <paramref name="target"/>: objects are compared key by
    /// key, arrays index by index (trailing elements are added or removed), anything else is replaced.
    /// </summary>
    public static JsonArray CreatePatch(JsonNode? source, JsonNode? target)
    {
        var operations = new JsonArray();
        Diff(source, target, "", operations);
        return operations;
    }

    /// <summary>Escapes one reference token of a JSON pointer (RFC 6901): '~' becomes "~0" and '/' becomes "~1".</summary>
    public static string EscapePointerToken(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static void Diff(JsonNode? source, JsonNode? target, string path, JsonArray operations)
    {
        if (JsonNode.DeepEquals(source, target))
        {
            return;
        }

        switch (source, target)
        {
            case (JsonObject sourceObject, JsonObject targetObject):
                DiffObjects(sourceObject, targetObject, path, operations);
                break;
            case (JsonArray sourceArray, JsonArray targetArray):
                DiffArrays(sourceArray, targetArray, path, operations);
                break;
            default:
                operations.Add(Operation("replace", path, target));
                break;
        }
    }

    private static void DiffObjects(JsonObject source, JsonObject target, string path, JsonArray operations)
    {
        foreach (var (key, _) in source)
        {
            if (!target.ContainsKey(key))
            {
                operations.Add(Operation("remove", Child(path, key)));
            }
        }

        foreach (var (key, targetValue) in target)
        {
            if (source.TryGetPropertyValue(key, out var sourceValue))
            {
                Diff(sourceValue, targetValue, Child(path, key), operations);
            }
            else
            {
                operations.Add(Operation("add", Child(path, key), targetValue));
            }
        }
    }

    private static void DiffArrays(JsonArray source, JsonArray target, string path, JsonArray operations)
    {
        var common = Math.Min(source.Count, target.Count);
        for (var i = 0; i < common; i++)
        {
            Diff(source[i], target[i], Child(path, i), operations);
        }

        // From the end, so every index still points at the element it named in the source.
        for (var i = source.Count - 1; i >= target.Count; i--)
        {
            operations.Add(Operation("remove", Child(path, i)));
        }

        for (var i = source.Count; i < target.Count; i++)
        {
            operations.Add(Operation("add", Child(path, i), target[i]));
        }
    }

    private static string Child(string path, string key) => $"{path}/{EscapePointerToken(key)}";

    private static string Child(string path, int index) => $"{path}/{index}";

    private static JsonNode Operation(string op, string path) => new JsonObject { ["op"] = op, ["path"] = path };

    private static JsonNode Operation(string op, string path, JsonNode? value) =>
        new JsonObject { ["op"] = op, ["path"] = path, ["value"] = value?.DeepClone() };
}
