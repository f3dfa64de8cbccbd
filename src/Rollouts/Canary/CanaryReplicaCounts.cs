namespace Tollgate.Rollouts.Canary;

/// <summary>Replica counts for the canary (new) and stable ReplicaSets.</summary>
public sealed record CanaryReplicaCounts(int CanaryReplicas, int StableReplicas);
