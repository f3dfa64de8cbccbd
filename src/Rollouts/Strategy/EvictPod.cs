namespace Tollgate.Rollouts.Strategy;

/// <summary>Restart a pod older than spec.restartAt by deleting it; its ReplicaSet creates a new one.</summary>
public sealed record EvictPod(string Name) : RolloutIntent;
