using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

[Description("A request matches when all the set fields match.")]
public sealed class RouteMatch
{
    [Description("The HTTP method.")]
    public StringMatch? Method { get; set; }

    [Description("The URL path.")]
    public StringMatch? Path { get; set; }

    [Description("Headers by name.")]
    public IDictionary<string, StringMatch>? Headers { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
