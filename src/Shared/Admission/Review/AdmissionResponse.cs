using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Admission.Review;

/// <summary>The webhook's decision (validating only: no patch).</summary>
public sealed class AdmissionResponse
{
    /// <summary>Must equal the request's uid.</summary>
    public string Uid { get; set; } = "";

    public bool Allowed { get; set; }

    /// <summary>Why the request was denied; its message is shown to the caller.</summary>
    public AdmissionStatus? Status { get; set; }

    /// <summary>Recorded in the audit log, prefixed by the webhook's name.</summary>
    public IDictionary<string, string>? AuditAnnotations { get; set; }

    /// <summary>Shown to the caller (kubectl prints them) whether or not the request is allowed.</summary>
    public IList<string>? Warnings { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
