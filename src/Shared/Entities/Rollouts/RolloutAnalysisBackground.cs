using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

/// <summary>The fields of <see cref="RolloutAnalysis"/> plus <see cref="StartingStep"/> (Argo inlines one in the other).</summary>
[Description("An analysis that runs in the background while the canary steps proceed.")]
public sealed class RolloutAnalysisBackground
{
    public IList<AnalysisTemplateRef>? Templates { get; set; }

    public IList<AnalysisRunArgument>? Args { get; set; }

    public IList<DryRun>? DryRun { get; set; }

    public IList<MeasurementRetention>? MeasurementRetention { get; set; }

    [SchemaType("object")]
    public JsonElement? AnalysisRunMetadata { get; set; }

    [Description("Index of the step from which the background analysis starts.")]
    public int? StartingStep { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
