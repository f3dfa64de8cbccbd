using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1Deployment : IKubernetesResource<V1Deployment>
{
    public static ResourceDescriptor Resource { get; } = new("apps", "v1", "Deployment", "deployments", Namespaced: true);

    public string? ApiVersion { get; set; } = "apps/v1";

    public string? Kind { get; set; } = "Deployment";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1DeploymentSpec? Spec { get; set; }

    public V1DeploymentStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
