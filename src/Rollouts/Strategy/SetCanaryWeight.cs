namespace Tollgate.Rollouts.Strategy;

/// <summary>Send <paramref name="Weight"/> percent of traffic to the canary Service through every configured router.</summary>
public sealed record SetCanaryWeight(int Weight) : RolloutIntent;
