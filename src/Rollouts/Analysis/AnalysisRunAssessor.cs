namespace Tollgate.Rollouts.Analysis;

/// <summary>Decides an AnalysisRun's phase from its metrics' phases (Argo's assessRunStatus).</summary>
public static class AnalysisRunAssessor
{
    // Best to worst; Running/Pending rank between Successful and the failures as in Argo's analysisStatusOrder.
    private static readonly AnalysisPhase[] SeverityOrder =
    [
        AnalysisPhase.Successful,
        AnalysisPhase.Running,
        AnalysisPhase.Pending,
        AnalysisPhase.Inconclusive,
        AnalysisPhase.Error,
        AnalysisPhase.Failed,
    ];

    /// <summary>
    /// Running while any metric is unfinished; once all are done, the worst phase of the non-dry-run metrics
    /// (Failed &gt; Error &gt; Inconclusive &gt; Successful), or Successful if only dry-run metrics exist.
    /// While <paramref name="terminating"/>, the worst phase so far is final (Successful if nothing finished).
    /// </summary>
    /// <param name="metrics">Every metric of the run.</param>
    /// <param name="terminating">See <see cref="IsTerminating"/>; evaluate it on the run's previous state.</param>
    /// <param name="terminateRequested">spec.terminate was set, which is reported in the message.</param>
    public static AnalysisRunAssessment Assess(IReadOnlyList<MetricOutcome> metrics, bool terminating = false, bool terminateRequested = false)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        AnalysisPhase? worst = null;
        var message = terminateRequested ? "Run Terminated" : string.Empty;
        var everythingCompleted = true;

        foreach (var metric in metrics)
        {
            if (!metric.Phase.IsCompleted())
            {
                everythingCompleted = false;
                continue;
            }

            if (metric.DryRun)
            {
                worst ??= AnalysisPhase.Successful;
                continue;
            }

            if (worst is null || IsWorse(worst.Value, metric.Phase))
            {
                worst = metric.Phase;
                if (!string.IsNullOrEmpty(metric.Reason))
                {
                    message = $"Metric \"{metric.Name}\" assessed {metric.Phase} due to {metric.Reason}";
                }
            }
        }

        if (terminating)
        {
            return new AnalysisRunAssessment(worst ?? AnalysisPhase.Successful, message);
        }

        return everythingCompleted && worst is { } phase
            ? new AnalysisRunAssessment(phase, message)
            : new AnalysisRunAssessment(AnalysisPhase.Running, string.Empty);
    }

    /// <summary>
    /// The run must stop measuring: termination was requested, or a non-dry-run metric already ended
    /// Failed, Error or Inconclusive.
    /// </summary>
    public static bool IsTerminating(bool terminateRequested, IEnumerable<MetricOutcome> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return terminateRequested || metrics.Any(metric => !metric.DryRun
            && metric.Phase is AnalysisPhase.Failed or AnalysisPhase.Error or AnalysisPhase.Inconclusive);
    }

    public static bool IsWorse(AnalysisPhase current, AnalysisPhase candidate) =>
        Array.IndexOf(SeverityOrder, candidate) > Array.IndexOf(SeverityOrder, current);

    public static AnalysisPhase Worst(AnalysisPhase left, AnalysisPhase right) => IsWorse(left, right) ? right : left;
}
