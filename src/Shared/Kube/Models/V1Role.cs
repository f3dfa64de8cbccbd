using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1Role : IKubernetesResource<V1Role>
{
    public static ResourceDescriptor Resource { get; } = new("rbac.authorization.k8s.io", "v1", "Role", "roles", Namespaced: true);

    public string? ApiVersion { get; set; } = "rbac.authorization.k8s.io/v1";

    public string? Kind { get; set; } = "Role";

    public V1ObjectMeta Metadata { get; set; } = new();

    public IList<V1PolicyRule>? Rules { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
