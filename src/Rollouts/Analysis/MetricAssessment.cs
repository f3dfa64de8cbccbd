namespace Tollgate.Rollouts.Analysis;

/// <summary>A metric's phase, with the limit that was broken when it is Failed, Inconclusive or Error.</summary>
public sealed record MetricAssessment(AnalysisPhase Phase, string? Reason = null);
