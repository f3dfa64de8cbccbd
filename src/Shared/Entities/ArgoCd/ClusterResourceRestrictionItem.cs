using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>A cluster-scoped group and kind, optionally narrowed to object names matching <see cref="Name"/>.</summary>
public sealed class ClusterResourceRestrictionItem
{
    public string Group { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
