using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>An API group and kind; the empty group is the core group.</summary>
[PreserveUnknownFields]
public sealed class GroupKind
{
    [Required]
    public string Group { get; set; } = "";

    [Required]
    public string Kind { get; set; } = "";

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
