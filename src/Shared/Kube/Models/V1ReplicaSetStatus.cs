using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ReplicaSetStatus
{
    public int Replicas { get; set; }

    public int? FullyLabeledReplicas { get; set; }

    public int? ReadyReplicas { get; set; }

    public int? AvailableReplicas { get; set; }

    public long? ObservedGeneration { get; set; }

    public IList<V1ReplicaSetCondition>? Conditions { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
