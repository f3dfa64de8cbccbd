namespace Tollgate.Rollouts.Strategy;

/// <summary>Create the ReplicaSet of the current template at <paramref name="Replicas"/>, annotated with <paramref name="Revision"/>.</summary>
public sealed record CreateReplicaSet(string PodHash, int Replicas, long Revision) : RolloutIntent;
