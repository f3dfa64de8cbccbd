namespace Tollgate.Rollouts.Strategy;

/// <summary>Create the AnalysisRun of a step (<paramref name="StepIndex"/>) or the background analysis (null).</summary>
public sealed record CreateAnalysisRun(string Name, string PodHash, int? StepIndex) : RolloutIntent;
