using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ReplicaSetSpec
{
    public int? Replicas { get; set; }

    public int? MinReadySeconds { get; set; }

    public V1LabelSelector Selector { get; set; } = new();

    public V1PodTemplateSpec? Template { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
