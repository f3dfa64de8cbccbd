using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

/// <summary>The API's answer when a call fails (and for some deletes): code, reason, message and details.</summary>
public sealed class V1Status : IKubernetesObject
{
    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Status";

    public V1ListMeta? Metadata { get; set; }

    /// <summary>"Success" or "Failure".</summary>
    public string? Status { get; set; }

    public string? Message { get; set; }

    /// <summary>Machine-readable reason such as NotFound, AlreadyExists, Conflict, Invalid, Expired.</summary>
    public string? Reason { get; set; }

    public int? Code { get; set; }

    public V1StatusDetails? Details { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
