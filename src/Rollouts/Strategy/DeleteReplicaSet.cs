namespace Tollgate.Rollouts.Strategy;

/// <summary>Delete an old, scaled-down ReplicaSet beyond spec.revisionHistoryLimit.</summary>
public sealed record DeleteReplicaSet(string Name) : RolloutIntent;
