namespace Tollgate.Rollouts.Strategy;

/// <summary>Write the rollout.argoproj.io/revision annotation of a ReplicaSet that became the current one again.</summary>
public sealed record SetReplicaSetRevision(string Name, long Revision) : RolloutIntent;
