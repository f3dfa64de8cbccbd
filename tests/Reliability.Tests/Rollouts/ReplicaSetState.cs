namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>A ReplicaSet as one write left it: its resourceVersion, pod template hash, spec.replicas and status.availableReplicas.</summary>
public sealed record ReplicaSetState(long Version, string Hash, int Replicas, int Available)
{
    public bool FullyAvailable => Replicas > 0 && Available >= Replicas;
}
