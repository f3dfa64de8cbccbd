using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1Namespace : IKubernetesResource<V1Namespace>
{
    public static ResourceDescriptor Resource { get; } = new("", "v1", "Namespace", "namespaces", Namespaced: false);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Namespace";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1NamespaceSpec? Spec { get; set; }

    public V1NamespaceStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
