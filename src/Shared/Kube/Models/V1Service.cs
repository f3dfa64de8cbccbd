using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1Service : IKubernetesResource<V1Service>
{
    public static ResourceDescriptor Resource { get; } = new("", "v1", "Service", "services", Namespaced: true);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Service";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1ServiceSpec? Spec { get; set; }

    public JsonElement? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
