namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// Put <paramref name="Desired"/> (canary or stable metadata, serialized by <see cref="EphemeralMetadata"/>) on a
/// ReplicaSet's pod template and its pods, taking off what <paramref name="Previous"/> put there.
/// </summary>
public sealed record SyncPodMetadata(string Name, string PodHash, string? Previous, string? Desired) : RolloutIntent;
