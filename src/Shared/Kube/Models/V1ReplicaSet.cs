using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ReplicaSet : IKubernetesResource<V1ReplicaSet>
{
    public static ResourceDescriptor Resource { get; } = new("apps", "v1", "ReplicaSet", "replicasets", Namespaced: true);

    public string? ApiVersion { get; set; } = "apps/v1";

    public string? Kind { get; set; } = "ReplicaSet";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1ReplicaSetSpec? Spec { get; set; }

    public V1ReplicaSetStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
