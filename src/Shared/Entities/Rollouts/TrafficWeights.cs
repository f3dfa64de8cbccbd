using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class TrafficWeights
{
    [Required]
    public WeightDestination Canary { get; set; } = new();

    [Required]
    public WeightDestination Stable { get; set; } = new();

    public IList<WeightDestination>? Additional { get; set; }

    public bool? Verified { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
