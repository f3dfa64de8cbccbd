namespace Tollgate.Rollouts.Strategy;

public sealed record ScaleReplicaSet(string Name, int From, int To) : RolloutIntent;
