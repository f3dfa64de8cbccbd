namespace Tollgate.Rollouts.Controllers;

/// <summary>The replica counts of a <see cref="CachedReplicaSet"/>'s status.</summary>
public sealed class CachedReplicaSetStatus
{
    public int? Replicas { get; set; }

    public int? ReadyReplicas { get; set; }

    public int? AvailableReplicas { get; set; }

    public long? ObservedGeneration { get; set; }
}
