using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("How pods move to a new template: canary or blue-green.")]
public sealed class RolloutStrategy
{
    public CanaryStrategy? Canary { get; set; }

    public BlueGreenStrategy? BlueGreen { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
