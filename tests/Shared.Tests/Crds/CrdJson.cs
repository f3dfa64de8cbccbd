using System.Text.Json.Nodes;

namespace Tollgate.Shared.Tests.Crds;

/// <summary>Navigation in generated CRDs and a subset comparison for objects read back from the API server.</summary>
internal static class CrdJson
{
    public static JsonObject Version(JsonObject crd) => crd["spec"]!["versions"]![0]!.AsObject();

    /// <summary>The schema at a path of property names below the root; "[]" steps into array items, "{}" into map values.</summary>
    public static JsonObject Schema(JsonObject crd, params string[] path)
    {
        var node = Version(crd)["schema"]!["openAPIV3Schema"]!.AsObject();
        foreach (var step in path)
        {
            node = step switch
            {
                "[]" => node["items"]!.AsObject(),
                "{}" => node["additionalProperties"]!.AsObject(),
                _ => node["properties"]?[step]?.AsObject() ?? throw new KeyNotFoundException($"no property {step} in {string.Join('.', path)}"),
            };
        }

        return node;
    }

    public static string[] Strings(JsonNode? array) => array?.AsArray().Select(item => item!.GetValue<string>()).ToArray() ?? [];

    /// <summary>Fails unless every field of <paramref name="expected"/> is in <paramref name="actual"/> with the same value.</summary>
    public static void AssertContains(JsonNode? expected, JsonNode? actual, string path = "")
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                foreach (var (key, value) in expectedObject)
                {
                    Assert.True(actualObject.ContainsKey(key), $"{path}.{key} was dropped; stored object: {actual!.ToJsonString()}");
                    AssertContains(value, actualObject[key], $"{path}.{key}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count, $"{path} has {actualArray.Count} items, expected {expectedArray.Count}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertContains(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(
                    expected?.ToJsonString() == actual?.ToJsonString(),
                    $"{path} is {actual?.ToJsonString() ?? "absent"}, expected {expected?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
