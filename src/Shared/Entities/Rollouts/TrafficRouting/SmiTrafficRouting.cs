using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

[Description("SMI routing: Tollgate creates and owns a TrafficSplit (split.smi-spec.io/v1alpha1).")]
public sealed class SmiTrafficRouting
{
    [Description("The Service clients call; the stableService unless set.")]
    public string? RootService { get; set; }

    [Description("The TrafficSplit's name; the Rollout's name unless set.")]
    public string? TrafficSplitName { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
