using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class CanaryStatus
{
    public RolloutAnalysisRunStatus? CurrentStepAnalysisRunStatus { get; set; }

    public RolloutAnalysisRunStatus? CurrentBackgroundAnalysisRunStatus { get; set; }

    public TrafficWeights? Weights { get; set; }

    public string? CurrentExperiment { get; set; }

    public string? StablePingPong { get; set; }

    [SchemaType("array")]
    public JsonElement? StepPluginStatuses { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
