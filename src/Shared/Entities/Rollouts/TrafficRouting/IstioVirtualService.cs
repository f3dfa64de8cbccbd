using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

public sealed class IstioVirtualService
{
    [Description("The VirtualService's name, or name.namespace.")]
    public string? Name { get; set; }

    [Description("Names of the HTTP routes to weigh; without them the VirtualService's single route.")]
    public IList<string>? Routes { get; set; }

    [SchemaType("array")]
    public JsonElement? TlsRoutes { get; set; }

    [SchemaType("array")]
    public JsonElement? TcpRoutes { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
