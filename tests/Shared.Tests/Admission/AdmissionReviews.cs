using System.Text;
using System.Text.Json.Nodes;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>AdmissionReview requests as the API server would send them, and readers for the answers.</summary>
internal static class AdmissionReviews
{
    public static JsonObject Widget(string name, string? color = null, int size = 1, JsonObject? extraMetadata = null)
    {
        var metadata = extraMetadata ?? [];
        metadata["name"] = name;
        metadata["namespace"] = "default";
        var spec = new JsonObject { ["size"] = size };
        if (color is not null)
        {
            spec["color"] = color;
        }

        return new JsonObject
        {
            ["apiVersion"] = "test.tollgate.dev/v1",
            ["kind"] = "Widget",
            ["metadata"] = metadata,
            ["spec"] = spec,
        };
    }

    public static JsonObject Request(string uid, string operation, JsonNode? @object, JsonNode? oldObject = null, bool dryRun = false, string? subResource = null) =>
        new()
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = uid,
                ["kind"] = new JsonObject { ["group"] = "test.tollgate.dev", ["version"] = "v1", ["kind"] = "Widget" },
                ["resource"] = new JsonObject { ["group"] = "test.tollgate.dev", ["version"] = "v1", ["resource"] = "widgets" },
                ["subResource"] = subResource,
                ["requestKind"] = new JsonObject { ["group"] = "test.tollgate.dev", ["version"] = "v1", ["kind"] = "Widget" },
                ["requestResource"] = new JsonObject { ["group"] = "test.tollgate.dev", ["version"] = "v1", ["resource"] = "widgets" },
                ["requestSubResource"] = subResource,
                ["name"] = (@object ?? oldObject)?["metadata"]?["name"]?.DeepClone(),
                ["namespace"] = "default",
                ["operation"] = operation,
                ["userInfo"] = new JsonObject
                {
                    ["username"] = "alice",
                    ["uid"] = "u-1",
                    ["groups"] = new JsonArray("devs", "system:authenticated"),
                    ["extra"] = new JsonObject { ["scopes"] = new JsonArray("read", "write") },
                },
                ["object"] = @object?.DeepClone(),
                ["oldObject"] = oldObject?.DeepClone(),
                ["dryRun"] = dryRun,
                ["options"] = new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "CreateOptions" },
            },
        };

    public static StringContent Json(JsonNode body) => Json(body.ToJsonString());

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<(JsonNode Raw, AdmissionResponse Response)> ReadAsync(HttpResponseMessage message)
    {
        var text = await message.Content.ReadAsStringAsync();
        Assert.True(message.IsSuccessStatusCode, $"HTTP {(int)message.StatusCode}: {text}");
        var review = System.Text.Json.JsonSerializer.Deserialize(text, AdmissionJsonContext.Default.AdmissionReview)!;
        Assert.Equal("admission.k8s.io/v1", review.ApiVersion);
        Assert.Equal("AdmissionReview", review.Kind);
        return (JsonNode.Parse(text)!, review.Response!);
    }
}
