namespace Tollgate.Rollouts.Analysis;

/// <summary>Phase of a measurement, a metric or an AnalysisRun.</summary>
public enum AnalysisPhase
{
    Pending,
    Running,
    Successful,
    Failed,
    Error,
    Inconclusive,
}
