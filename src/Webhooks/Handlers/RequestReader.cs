using System.Text.Json;
using Tollgate.Shared.Admission.Review;
using Tollgate.Webhooks.Observability;

namespace Tollgate.Webhooks.Handlers;

/// <summary>Small reads of an AdmissionRequest that the handlers share.</summary>
internal static class RequestReader
{
    public static IReadOnlyList<string> Groups(AdmissionRequest request) =>
        request.UserInfo?.Groups is { } groups ? groups as IReadOnlyList<string> ?? [.. groups] : [];

    /// <summary>The namespace of the object, or null for cluster-scoped kinds (a Namespace's request names itself as namespace).</summary>
    public static string? Namespace(AdmissionRequest request) =>
        string.IsNullOrEmpty(request.Namespace) || (request.Kind is { Group: "", Kind: "Namespace" } && request.SubResource is null)
            ? null
            : request.Namespace;

    public static EventTarget Target(string apiVersion, string kind, string? @namespace, string? name, JsonElement? @object) =>
        new()
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Metadata = new()
            {
                Name = name,
                Namespace = @namespace,
                Uid = JsonUid(@object),
            },
        };

    public static string? Label(JsonElement? @object, string key) =>
        @object is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("metadata", out var metadata)
        && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("labels", out var labels)
        && labels.ValueKind == JsonValueKind.Object
        && labels.TryGetProperty(key, out var label)
        && label.ValueKind == JsonValueKind.String
            ? label.GetString()
            : null;

    public static string ApiVersion(string group, string version) => group.Length == 0 ? version : $"{group}/{version}";

    private static string? JsonUid(JsonElement? @object) =>
        @object is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("metadata", out var metadata)
        && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("uid", out var uid)
        && uid.ValueKind == JsonValueKind.String
            ? uid.GetString()
            : null;
}
