using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

/// <summary>Exactly one of exact, prefix or regex.</summary>
public sealed class StringMatch
{
    public string? Exact { get; set; }

    public string? Prefix { get; set; }

    public string? Regex { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
