using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("The measurements of one metric and the counts that decide its phase.")]
public sealed class MetricResult
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Phase { get; set; } = "";

    public string? Message { get; set; }

    [Description("The newest measurements, as many as measurementRetention keeps.")]
    public IList<Measurement>? Measurements { get; set; }

    [Description("Measurements taken, including those no longer in measurements.")]
    public int? Count { get; set; }

    public int? Successful { get; set; }

    public int? Failed { get; set; }

    public int? Inconclusive { get; set; }

    public int? Error { get; set; }

    public int? ConsecutiveError { get; set; }

    public int? ConsecutiveSuccess { get; set; }

    [Description("The metric is dry-run: its failure does not fail the run.")]
    public bool? DryRun { get; set; }

    public IDictionary<string, string>? Metadata { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
