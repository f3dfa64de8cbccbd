namespace Tollgate.Rollouts.Strategy;

public sealed record TerminateAnalysisRun(string Name) : RolloutIntent;
