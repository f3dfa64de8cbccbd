using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class WeightDestination
{
    [Required]
    public int Weight { get; set; }

    public string? PodTemplateHash { get; set; }

    public string? ServiceName { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
