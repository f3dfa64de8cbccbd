using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("The AnalysisTemplates to run and the arguments to pass them.")]
public sealed class RolloutAnalysis
{
    public IList<AnalysisTemplateRef>? Templates { get; set; }

    public IList<AnalysisRunArgument>? Args { get; set; }

    [Description("Metrics whose failures are recorded but do not fail the run.")]
    public IList<DryRun>? DryRun { get; set; }

    public IList<MeasurementRetention>? MeasurementRetention { get; set; }

    [Description("Labels and annotations for the AnalysisRun.")]
    [SchemaType("object")]
    public JsonElement? AnalysisRunMetadata { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
