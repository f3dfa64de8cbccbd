using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1LabelSelectorRequirement
{
    public string Key { get; set; } = "";

    [JsonPropertyName("operator")]
    public string Operator { get; set; } = "";

    public IList<string>? Values { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
