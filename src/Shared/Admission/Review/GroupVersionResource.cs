using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Admission.Review;

public sealed class GroupVersionResource
{
    /// <summary>Empty for the core group.</summary>
    public string Group { get; set; } = "";

    public string Version { get; set; } = "";

    /// <summary>The plural resource name, such as <c>deployments</c>.</summary>
    public string Resource { get; set; } = "";

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    public override string ToString() => string.IsNullOrEmpty(Group) ? $"{Resource}/{Version}" : $"{Resource}.{Group}/{Version}";
}
