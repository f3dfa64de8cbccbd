using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class ArgumentValueFrom
{
    [Description("\"Stable\" or \"Latest\": the pod-template-hash of that ReplicaSet.")]
    public string? PodTemplateHashValue { get; set; }

    [Description("A field of the Rollout, such as metadata.labels['app'].")]
    public FieldRef? FieldRef { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
