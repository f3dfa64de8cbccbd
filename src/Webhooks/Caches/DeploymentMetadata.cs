using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Webhooks.Caches;

/// <summary>Only the metadata of a Deployment (the rest of the object is skipped when read), for cache lookups.</summary>
public sealed class DeploymentMetadata : IKubernetesResource<DeploymentMetadata>
{
    public static ResourceDescriptor Resource { get; } = new("apps", "v1", "Deployment", "deployments", Namespaced: true);

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();
}
