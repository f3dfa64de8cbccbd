namespace Tollgate.Rollouts.Analysis;

/// <summary>An AnalysisRun's phase and status message.</summary>
public sealed record AnalysisRunAssessment(AnalysisPhase Phase, string Message);
