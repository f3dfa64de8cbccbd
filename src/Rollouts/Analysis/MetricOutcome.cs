namespace Tollgate.Rollouts.Analysis;

/// <summary>A metric's assessed phase as input to the run's assessment.</summary>
/// <param name="Name">The metric name.</param>
/// <param name="Phase">Its phase; <see cref="AnalysisPhase.Pending"/> when it has not started.</param>
/// <param name="DryRun">Dry-run metrics are measured and reported but never decide the run.</param>
/// <param name="Reason">Why it ended Failed/Inconclusive/Error (e.g. "failed (2) > failureLimit (1)").</param>
public sealed record MetricOutcome(string Name, AnalysisPhase Phase, bool DryRun = false, string? Reason = null);
