using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

[Description("Istio: the weights of the canary and stable Services' destinations in VirtualService HTTP routes.")]
public sealed class IstioTrafficRouting
{
    public IstioVirtualService? VirtualService { get; set; }

    public IList<IstioVirtualService>? VirtualServices { get; set; }

    [Description("Subset-level splitting: the subsets' pod-template-hash labels follow the canary and stable ReplicaSets.")]
    public IstioDestinationRule? DestinationRule { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
