using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("One step of a canary update; exactly one field is set.")]
public sealed class CanaryStep
{
    [Description("Percentage of pods (and traffic, with traffic routing) for the canary.")]
    public int? SetWeight { get; set; }

    public RolloutPause? Pause { get; set; }

    [Description("Runs an AnalysisRun and waits for its result.")]
    public RolloutAnalysis? Analysis { get; set; }

    public SetCanaryScale? SetCanaryScale { get; set; }

    [SchemaType("object")]
    public JsonElement? Experiment { get; set; }

    public TrafficRouting.SetHeaderRoute? SetHeaderRoute { get; set; }

    public TrafficRouting.SetMirrorRoute? SetMirrorRoute { get; set; }

    [SchemaType("object")]
    public JsonElement? Plugin { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
