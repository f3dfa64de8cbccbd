using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class PauseCondition
{
    [Description("CanaryPauseStep, InconclusiveAnalysisRun, InconclusiveExperiment or BlueGreenPause.")]
    [Required]
    public string Reason { get; set; } = "";

    [Required]
    public DateTimeOffset? StartTime { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
