namespace Tollgate.Rollouts.Strategy;

public sealed record DeleteAnalysisRun(string Name) : RolloutIntent;
