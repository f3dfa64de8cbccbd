using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ClusterRoleBinding : IKubernetesResource<V1ClusterRoleBinding>
{
    public static ResourceDescriptor Resource { get; } = new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", Namespaced: false);

    public string? ApiVersion { get; set; } = "rbac.authorization.k8s.io/v1";

    public string? Kind { get; set; } = "ClusterRoleBinding";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1RoleRef RoleRef { get; set; } = new();

    public IList<Rbacv1Subject>? Subjects { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
