namespace Tollgate.Rollouts.Analysis;

public static class AnalysisPhaseExtensions
{
    /// <summary>Successful, Failed, Error and Inconclusive are final; Pending and Running are not.</summary>
    public static bool IsCompleted(this AnalysisPhase phase) =>
        phase is AnalysisPhase.Successful or AnalysisPhase.Failed or AnalysisPhase.Error or AnalysisPhase.Inconclusive;
}
