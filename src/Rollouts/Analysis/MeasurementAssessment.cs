namespace Tollgate.Rollouts.Analysis;

/// <summary>The phase of one measurement, with the reason when it is <see cref="AnalysisPhase.Error"/>.</summary>
public sealed record MeasurementAssessment(AnalysisPhase Phase, string? ErrorMessage = null);
