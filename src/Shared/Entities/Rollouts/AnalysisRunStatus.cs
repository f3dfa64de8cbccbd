using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class AnalysisRunStatus
{
    [Description("Pending, Running, Successful, Failed, Error or Inconclusive.")]
    [Required]
    public string Phase { get; set; } = "";

    public string? Message { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    [Description("Counts of metrics by phase.")]
    public RunSummary? RunSummary { get; set; }

    [Description("Counts of dry-run metrics by phase.")]
    public RunSummary? DryRunSummary { get; set; }

    public IList<MetricResult>? MetricResults { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
