using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Webhooks.Caches;

/// <summary>Only the metadata of a ClusterAnalysisTemplate (the rest of the object is skipped when read), for cache lookups.</summary>
public sealed class ClusterAnalysisTemplateMetadata : IKubernetesResource<ClusterAnalysisTemplateMetadata>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "ClusterAnalysisTemplate", "clusteranalysistemplates", Namespaced: false);

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();
}
