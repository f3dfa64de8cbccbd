using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

[Description("Istio: the weights of the canary and stable Services' destinations in VirtualService HTTP routes.")]
public sealed class IstioTrafficRouting
{
    public IstioVirtualService? VirtualService { get; set; }

    public IList<IstioVirtualService>? VirtualServices { get; set; }

    [Description("Subset-level splitting through a DestinationRule; not supported yet.")]
    [SchemaType("object")]
    public JsonElement? DestinationRule { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
