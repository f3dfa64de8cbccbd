using System.Globalization;
using System.Text.Json.Nodes;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>Applies the add, remove and replace operations of an RFC 6902 patch, to check generated patches.</summary>
internal static class JsonPatchApplier
{
    public static JsonNode? Apply(JsonNode? document, JsonArray patch)
    {
        var result = document?.DeepClone();
        foreach (var operation in patch)
        {
            var op = operation!["op"]!.GetValue<string>();
            var path = operation["path"]!.GetValue<string>();
            var value = operation["value"]?.DeepClone();
            if (path.Length == 0)
            {
                Assert.Equal("replace", op);
                result = value;
                continue;
            }

            var tokens = path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            var parent = result!;
            foreach (var token in tokens[..^1])
            {
                parent = parent is JsonArray array ? array[Index(token)]! : parent[token]!;
            }

            var last = tokens[^1];
            switch (parent, op)
            {
                case (JsonObject obj, "add" or "replace"):
                    Assert.True(op == "add" || obj.ContainsKey(last), $"replace of missing {path}");
                    obj[last] = value;
                    break;
                case (JsonObject obj, "remove"):
                    Assert.True(obj.Remove(last), $"remove of missing {path}");
                    break;
                case (JsonArray array, "add"):
                    array.Insert(last == "-" ? array.Count : Index(last), value);
                    break;
                case (JsonArray array, "replace"):
                    array[Index(last)] = value;
                    break;
                case (JsonArray array, "remove"):
                    array.RemoveAt(Index(last));
                    break;
                default:
                    Assert.Fail($"unsupported {op} at {path}");
                    break;
            }
        }

        return result;
    }

    private static int Index(string token) => int.Parse(token, CultureInfo.InvariantCulture);
}
