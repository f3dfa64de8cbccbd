using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

public sealed class HeaderRoutingMatch
{
    public string? HeaderName { get; set; }

    public StringMatch? HeaderValue { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
