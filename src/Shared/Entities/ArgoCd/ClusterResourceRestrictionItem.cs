using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>A cluster-scoped group and kind, optionally narrowed to object names matching <see cref="Name"/>.</summary>
[PreserveUnknownFields]
public sealed class ClusterResourceRestrictionItem
{
    [Required]
    public string Group { get; set; } = "";

    [Required]
    public string Kind { get; set; } = "";

    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
