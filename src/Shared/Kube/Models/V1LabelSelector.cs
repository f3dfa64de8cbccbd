using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1LabelSelector
{
    public IDictionary<string, string>? MatchLabels { get; set; }

    public IList<V1LabelSelectorRequirement>? MatchExpressions { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
