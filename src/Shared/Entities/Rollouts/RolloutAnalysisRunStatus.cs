using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

/// <summary>The AnalysisRun a rollout is waiting on and its phase.</summary>
public sealed class RolloutAnalysisRunStatus
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Status { get; set; } = "";

    public string? Message { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
