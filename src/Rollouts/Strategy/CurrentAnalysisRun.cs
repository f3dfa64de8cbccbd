namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// The run a step or the background analysis reads: the one Tollgate's name rule gives, else the one status names as
/// current (Argo's FilterCurrentRolloutAnalysisRuns), when it belongs to the same revision, kind and step. A run Argo
/// Rollouts started, under its own name rule, is so continued instead of measured a second time.
/// </summary>
public static class CurrentAnalysisRun
{
    /// <param name="runs">The rollout's runs.</param>
    /// <param name="name">Tollgate's name for the run.</param>
    /// <param name="storedName">The run status names as current, if any.</param>
    /// <param name="podHash">The current revision.</param>
    /// <param name="stepIndex">The step; null for the background analysis.</param>
    public static ObservedAnalysisRun? Find(IReadOnlyList<ObservedAnalysisRun> runs, string name, string? storedName, string podHash, int? stepIndex)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var type = stepIndex is null ? "Background" : "Step";
        return runs.FirstOrDefault(r => r.Name == name)
            ?? (string.IsNullOrEmpty(storedName) ? null
                : runs.FirstOrDefault(r => r.Name == storedName && r.PodHash == podHash && r.RolloutType == type && r.StepIndex == stepIndex));
    }
}
