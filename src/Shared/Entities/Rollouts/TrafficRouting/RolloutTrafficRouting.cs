using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

[Description("The ingress or mesh that splits traffic between the stable and canary Services by weight.")]
public sealed class RolloutTrafficRouting
{
    [Description("NGINX Ingress: a canary Ingress with the canary and canary-weight annotations.")]
    public NginxTrafficRouting? Nginx { get; set; }

    [Description("SMI: a TrafficSplit between the stable and canary Services.")]
    public SmiTrafficRouting? Smi { get; set; }

    [Description("Router plugins by name; Tollgate runs argoproj-labs/gatewayAPI itself.")]
    public IDictionary<string, JsonElement>? Plugins { get; set; }

    [Description("Routes the steps may set (setHeaderRoute, setMirrorRoute), in precedence order.")]
    public IList<ManagedRoute>? ManagedRoutes { get; set; }

    [Description("The total of all weights; 100 unless set.")]
    public int? MaxTrafficWeight { get; set; }

    [Description("Istio: VirtualService HTTP routes split by the stable and canary Services, or by DestinationRule subsets.")]
    public IstioTrafficRouting? Istio { get; set; }

    [SchemaType("object")]
    public JsonElement? Alb { get; set; }

    [SchemaType("object")]
    public JsonElement? Ambassador { get; set; }

    [SchemaType("object")]
    public JsonElement? AppMesh { get; set; }

    [SchemaType("object")]
    public JsonElement? Traefik { get; set; }

    [SchemaType("object")]
    public JsonElement? Apisix { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
