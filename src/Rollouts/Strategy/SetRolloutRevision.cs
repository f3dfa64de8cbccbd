namespace Tollgate.Rollouts.Strategy;

/// <summary>Write the rollout.argoproj.io/revision annotation of the Rollout itself.</summary>
public sealed record SetRolloutRevision(long Revision) : RolloutIntent;
