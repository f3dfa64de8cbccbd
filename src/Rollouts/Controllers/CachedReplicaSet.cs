using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Controllers;

/// <summary>
/// What the Rollout controller reads of a ReplicaSet (a projection, as controller-runtime's cache transforms make):
/// metadata, replicas, the pod template as one raw JSON value, and the replica counts of the status. The rest of the
/// object is skipped when read. Writes never start from this copy.
/// </summary>
public sealed class CachedReplicaSet : IKubernetesResource<CachedReplicaSet>
{
    public static ResourceDescriptor Resource => V1ReplicaSet.Resource;

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();

    public CachedReplicaSetSpec? Spec { get; set; }

    public CachedReplicaSetStatus? Status { get; set; }
}
