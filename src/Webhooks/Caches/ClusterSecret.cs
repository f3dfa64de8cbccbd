using System.Text.Json.Serialization;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Webhooks.Clusters;

namespace Tollgate.Webhooks.Caches;

/// <summary>
/// An Argo CD cluster Secret (<c>argocd.argoproj.io/secret-type: cluster</c>) as the cache keeps it: its metadata and
/// the decoded fields admission needs. The credentials in <c>config</c> are checked while reading and never kept.
/// </summary>
public sealed class ClusterSecret : IKubernetesResource<ClusterSecret>
{
    public const string SecretTypeLabel = "argocd.argoproj.io/secret-type";

    public const string ClusterSecretType = "cluster";

    public static ResourceDescriptor Resource { get; } = new("", "v1", "Secret", "secrets", Namespaced: true);

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonConverter(typeof(ClusterSecretDataConverter))]
    public ClusterSecretData? Data { get; set; }
}
