using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1Secret : IKubernetesResource<V1Secret>
{
    public static ResourceDescriptor Resource { get; } = new("", "v1", "Secret", "secrets", Namespaced: true);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Secret";

    public V1ObjectMeta Metadata { get; set; } = new();

    public IDictionary<string, byte[]>? Data { get; set; }

    public IDictionary<string, string>? StringData { get; set; }

    public string? Type { get; set; }

    public bool? Immutable { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
