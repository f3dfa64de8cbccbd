using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

[Description("Subset-level Istio splitting: the DestinationRule's canary and stable subsets select the two ReplicaSets' pods.")]
public sealed class IstioDestinationRule
{
    public string? Name { get; set; }

    public string? CanarySubsetName { get; set; }

    public string? StableSubsetName { get; set; }

    public IList<string>? AdditionalSubsetNames { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
