using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ConfigMap : IKubernetesResource<V1ConfigMap>
{
    public static ResourceDescriptor Resource { get; } = new("", "v1", "ConfigMap", "configmaps", Namespaced: true);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "ConfigMap";

    public V1ObjectMeta Metadata { get; set; } = new();

    public IDictionary<string, string>? Data { get; set; }

    public IDictionary<string, byte[]>? BinaryData { get; set; }

    public bool? Immutable { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
