using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class AnalysisRunSpec
{
    [Required]
    public IList<Metric> Metrics { get; set; } = [];

    [Description("The resolved arguments of the templates.")]
    public IList<Argument>? Args { get; set; }

    [Description("Stop measuring; the run ends with the results so far.")]
    public bool? Terminate { get; set; }

    public IList<DryRun>? DryRun { get; set; }

    public IList<MeasurementRetention>? MeasurementRetention { get; set; }

    [SchemaType("object")]
    public JsonElement? TtlStrategy { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
