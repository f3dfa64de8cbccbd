using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

[Description("Sends requests whose headers match to the canary, under a route named in trafficRouting.managedRoutes.")]
public sealed class SetHeaderRoute
{
    [Description("The managed route's name.")]
    public string? Name { get; set; }

    [Description("Headers a request must carry; without any, the managed routes are removed.")]
    public IList<HeaderRoutingMatch>? Match { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
