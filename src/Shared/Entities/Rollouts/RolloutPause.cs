using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("Stops the update, for a duration or, without one, until promoted.")]
public sealed class RolloutPause
{
    [Description("Seconds as a number, or a duration such as \"30s\" or \"5m\".")]
    public IntOrString? Duration { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
