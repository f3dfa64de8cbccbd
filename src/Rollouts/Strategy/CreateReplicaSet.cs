namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// Create the ReplicaSet of the current template at <paramref name="Replicas"/>, annotated with <paramref name="Revision"/>;
/// its pods carry <paramref name="PodMetadata"/> (canary or stable metadata, serialized) from the first one on.
/// </summary>
public sealed record CreateReplicaSet(string PodHash, int Replicas, long Revision, string? PodMetadata = null) : RolloutIntent;
