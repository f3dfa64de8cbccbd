using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("Scales the canary independently of its traffic weight.")]
public sealed class SetCanaryScale
{
    [Description("Canary pods as a percentage of spec.replicas.")]
    public int? Weight { get; set; }

    [Description("Canary pods as an absolute number.")]
    public int? Replicas { get; set; }

    [Description("Go back to scaling the canary by its traffic weight.")]
    public bool? MatchTrafficWeight { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
