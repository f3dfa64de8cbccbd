using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1Pod : IKubernetesResource<V1Pod>
{
    public static ResourceDescriptor Resource { get; } = new("", "v1", "Pod", "pods", Namespaced: true);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Pod";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1PodSpec? Spec { get; set; }

    public V1PodStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
