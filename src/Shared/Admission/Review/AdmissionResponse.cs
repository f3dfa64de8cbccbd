using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Admission.Review;

/// <summary>The webhook's decision, and for mutating webhooks the changes to make.</summary>
public sealed class AdmissionResponse
{
    public const string JsonPatchType = "JSONPatch";

    /// <summary>Must equal the request's uid.</summary>
    public string Uid { get; set; } = "";

    public bool Allowed { get; set; }

    /// <summary>Why the request was denied; its message is shown to the caller.</summary>
    public AdmissionStatus? Status { get; set; }

    /// <summary>An RFC 6902 JSON patch (UTF-8 JSON; base64 on the wire, as for every byte array).</summary>
    public byte[]? Patch { get; set; }

    /// <summary><see cref="JsonPatchType"/> whenever <see cref="Patch"/> is set.</summary>
    public string? PatchType { get; set; }

    /// <summary>Recorded in the audit log, prefixed by the webhook's name.</summary>
    public IDictionary<string, string>? AuditAnnotations { get; set; }

    /// <summary>Shown to the caller (kubectl prints them) whether or not the request is allowed.</summary>
    public IList<string>? Warnings { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
