using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Admission.Review;

/// <summary>What the API server asks about: one operation on one object by one user.</summary>
public sealed class AdmissionRequest
{
    /// <summary>Identifies this call; the response must carry the same value.</summary>
    public string Uid { get; set; } = "";

    /// <summary>The kind of <see cref="Object"/>, in the version the webhook registered for.</summary>
    public GroupVersionKind? Kind { get; set; }

    public GroupVersionResource? Resource { get; set; }

    public string? SubResource { get; set; }

    /// <summary>The kind the caller originally sent, before any conversion to the registered version.</summary>
    public GroupVersionKind? RequestKind { get; set; }

    public GroupVersionResource? RequestResource { get; set; }

    public string? RequestSubResource { get; set; }

    /// <summary>Empty on CREATE when the object has only generateName.</summary>
    public string? Name { get; set; }

    public string? Namespace { get; set; }

    /// <summary>One of <see cref="AdmissionOperations"/>.</summary>
    public string? Operation { get; set; }

    public UserInfo? UserInfo { get; set; }

    /// <summary>The new object (absent on DELETE), as raw JSON so a handler of any kind can read it.</summary>
    public JsonElement? Object { get; set; }

    /// <summary>The stored object (UPDATE and DELETE only).</summary>
    public JsonElement? OldObject { get; set; }

    /// <summary>True when nothing will be persisted; webhooks with side effects must skip them.</summary>
    public bool? DryRun { get; set; }

    /// <summary>CreateOptions, UpdateOptions, PatchOptions or DeleteOptions of the call.</summary>
    public JsonElement? Options { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
