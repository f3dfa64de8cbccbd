using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.ArgoCd;

[PreserveUnknownFields]
public sealed class ApplicationSource
{
    [Required]
    [JsonPropertyName("repoURL")]
    public string? RepoUrl { get; set; }

    public string? Path { get; set; }

    public string? TargetRevision { get; set; }

    public string? Chart { get; set; }

    /// <summary>The name other sources of a multi-source application use to refer to this one.</summary>
    public string? Ref { get; set; }

    public string? Name { get; set; }

    [SchemaType("object")]
    public JsonElement? Helm { get; set; }

    [SchemaType("object")]
    public JsonElement? Kustomize { get; set; }

    [SchemaType("object")]
    public JsonElement? Directory { get; set; }

    [SchemaType("object")]
    public JsonElement? Plugin { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
