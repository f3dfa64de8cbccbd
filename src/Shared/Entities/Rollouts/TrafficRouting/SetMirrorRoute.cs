using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

[Description("Mirrors (copies) matching requests to the canary, under a route named in trafficRouting.managedRoutes.")]
public sealed class SetMirrorRoute
{
    [Description("The managed route's name.")]
    public string? Name { get; set; }

    [Description("Requests to mirror: any entry matching is enough; without match the route is removed.")]
    public IList<RouteMatch>? Match { get; set; }

    [Description("Percentage of the matching requests to mirror; 100 unless set.")]
    public int? Percentage { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
