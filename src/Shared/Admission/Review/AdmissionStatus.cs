using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Admission.Review;

/// <summary>
/// The response's metav1.Status. The API server answers the caller with <see cref="Code"/> (403 when unset) and the
/// message "admission webhook "name" denied the request: " followed by <see cref="Message"/>.
/// </summary>
public sealed class AdmissionStatus
{
    public const string Failure = "Failure";
    public const string Success = "Success";

    public V1ListMeta? Metadata { get; set; }

    /// <summary><see cref="Success"/> or <see cref="Failure"/>.</summary>
    public string? Status { get; set; }

    public string? Message { get; set; }

    /// <summary>A machine-readable StatusReason such as Forbidden, BadRequest or InternalError.</summary>
    public string? Reason { get; set; }

    public V1StatusDetails? Details { get; set; }

    public int? Code { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
