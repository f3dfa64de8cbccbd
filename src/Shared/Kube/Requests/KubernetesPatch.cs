using System.Text.Json.Nodes;

namespace Tollgate.Shared.Kube.Requests;

/// <summary>A patch body and its type; the type picks the Content-Type header.</summary>
public sealed record KubernetesPatch(PatchType Type, string Body)
{
    public string ContentType => Type switch
    {
        PatchType.Json => "application/json-patch+json",
        PatchType.Merge => "application/merge-patch+json",
        PatchType.StrategicMerge => "application/strategic-merge-patch+json",
        PatchType.Apply => "application/apply-patch+yaml",
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, "unknown patch type"),
    };

    /// <summary>RFC 6902 JSON patch: a list of operations.</summary>
    public static KubernetesPatch Json(JsonArray operations) => new(PatchType.Json, operations.ToJsonString());

    /// <summary>RFC 7386 merge patch: null removes a field, lists are replaced.</summary>
    public static KubernetesPatch Merge(JsonNode patch) => new(PatchType.Merge, patch.ToJsonString());

    /// <summary>Kubernetes strategic merge patch (built-in kinds only): lists merge by their keys.</summary>
    public static KubernetesPatch StrategicMerge(JsonNode patch) => new(PatchType.StrategicMerge, patch.ToJsonString());

    /// <summary>Server-side apply of a full intent object; pass a fieldManager in the options.</summary>
    public static KubernetesPatch Apply(JsonNode intent) => new(PatchType.Apply, intent.ToJsonString());
}
