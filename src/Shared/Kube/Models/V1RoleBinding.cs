using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1RoleBinding : IKubernetesResource<V1RoleBinding>
{
    public static ResourceDescriptor Resource { get; } = new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", Namespaced: true);

    public string? ApiVersion { get; set; } = "rbac.authorization.k8s.io/v1";

    public string? Kind { get; set; } = "RoleBinding";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1RoleRef RoleRef { get; set; } = new();

    public IList<Rbacv1Subject>? Subjects { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
