using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1Lease : IKubernetesResource<V1Lease>
{
    public static ResourceDescriptor Resource { get; } = new("coordination.k8s.io", "v1", "Lease", "leases", Namespaced: true);

    public string? ApiVersion { get; set; } = "coordination.k8s.io/v1";

    public string? Kind { get; set; } = "Lease";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1LeaseSpec? Spec { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
