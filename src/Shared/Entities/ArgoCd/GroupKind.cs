using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>An API group and kind; the empty group is the core group.</summary>
public sealed class GroupKind
{
    public string Group { get; set; } = "";

    public string Kind { get; set; } = "";

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
