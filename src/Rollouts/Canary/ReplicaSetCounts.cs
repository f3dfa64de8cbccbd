namespace Tollgate.Rollouts.Canary;

/// <summary>A ReplicaSet's spec.replicas and status.availableReplicas.</summary>
public sealed record ReplicaSetCounts(int Replicas, int AvailableReplicas)
{
    public int Replicas
    {
        get;
        init => field = Guard.NonNegative(value, nameof(Replicas));
    } = Guard.NonNegative(Replicas, nameof(Replicas));

    public int AvailableReplicas
    {
        get;
        init => field = Guard.NonNegative(value, nameof(AvailableReplicas));
    } = Guard.NonNegative(AvailableReplicas, nameof(AvailableReplicas));
}
