using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class AnalysisTemplateSpec
{
    [Description("The metrics to measure.")]
    public IList<Metric>? Metrics { get; set; }

    [Description("Arguments the metrics refer to as {{args.name}}; a rollout supplies the values.")]
    public IList<Argument>? Args { get; set; }

    [Description("Metrics whose failures are recorded but do not fail the run.")]
    public IList<DryRun>? DryRun { get; set; }

    [Description("How many measurements each metric keeps in the run's status.")]
    public IList<MeasurementRetention>? MeasurementRetention { get; set; }

    [Description("Other templates whose metrics and arguments this one includes.")]
    public IList<AnalysisTemplateRef>? Templates { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
