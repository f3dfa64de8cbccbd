using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Admission.Review;

public sealed class GroupVersionKind
{
    /// <summary>Empty for the core group.</summary>
    public string Group { get; set; } = "";

    public string Version { get; set; } = "";

    public string Kind { get; set; } = "";

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    public override string ToString() => string.IsNullOrEmpty(Group) ? $"{Kind}/{Version}" : $"{Kind}.{Group}/{Version}";
}
