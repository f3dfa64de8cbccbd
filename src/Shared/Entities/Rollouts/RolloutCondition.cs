using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

/// <summary>
/// A condition such as Available, Progressing, Paused, Completed, Healthy, InvalidSpec or ReplicaFailure. Argo's CRD
/// also requires the reason, message and both times; only type and status are required here, which accepts more.
/// </summary>
public sealed class RolloutCondition
{
    [Required]
    public string Type { get; set; } = "";

    [Required]
    public string Status { get; set; } = "";

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset? LastUpdateTime { get; set; }

    public DateTimeOffset? LastTransitionTime { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
