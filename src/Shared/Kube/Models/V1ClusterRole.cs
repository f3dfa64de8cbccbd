using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ClusterRole : IKubernetesResource<V1ClusterRole>
{
    public static ResourceDescriptor Resource { get; } = new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", Namespaced: false);

    public string? ApiVersion { get; set; } = "rbac.authorization.k8s.io/v1";

    public string? Kind { get; set; } = "ClusterRole";

    public V1ObjectMeta Metadata { get; set; } = new();

    public IList<V1PolicyRule>? Rules { get; set; }

    public JsonElement? AggregationRule { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
