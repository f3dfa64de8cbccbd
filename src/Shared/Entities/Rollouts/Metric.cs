using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("A metric: where to query it, how often, and which results count as success or failure.")]
public sealed class Metric
{
    [Required]
    public string Name { get; set; } = "";

    [Description("Time between measurements, such as \"30s\"; absent means measure once.")]
    public string? Interval { get; set; }

    [Description("Time to wait before the first measurement.")]
    public string? InitialDelay { get; set; }

    [Description("Number of measurements to take.")]
    public IntOrString? Count { get; set; }

    [Description("Expression over result that marks a measurement successful, such as \"result[0] >= 0.95\".")]
    public string? SuccessCondition { get; set; }

    [Description("Expression over result that marks a measurement failed.")]
    public string? FailureCondition { get; set; }

    [Description("Failed measurements tolerated before the metric fails.")]
    public IntOrString? FailureLimit { get; set; }

    [Description("Inconclusive measurements tolerated before the metric is inconclusive.")]
    public IntOrString? InconclusiveLimit { get; set; }

    [Description("Consecutive measurement errors tolerated before the metric errors (default 4).")]
    public IntOrString? ConsecutiveErrorLimit { get; set; }

    [Description("Consecutive successful measurements after which the metric succeeds.")]
    public IntOrString? ConsecutiveSuccessLimit { get; set; }

    [Required]
    public MetricProvider Provider { get; set; } = new();

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
