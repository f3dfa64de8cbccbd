using System.Globalization;

namespace Tollgate.Rollouts.Analysis;

/// <summary>Decides a metric's phase from its measurements and limits (Argo's assessMetricStatus).</summary>
public static class MetricAssessor
{
    /// <param name="limits">The metric's limits.</param>
    /// <param name="measurementPhases">Every measurement's phase, oldest first.</param>
    /// <param name="terminating">The run is being stopped (terminate requested or another metric already failed).</param>
    public static MetricAssessment Assess(MetricLimits limits, IReadOnlyList<AnalysisPhase> measurementPhases, bool terminating = false)
    {
        ArgumentNullException.ThrowIfNull(measurementPhases);
        var last = measurementPhases.Count == 0 ? (AnalysisPhase?)null : measurementPhases[^1];
        return Assess(limits, MetricCounters.FromMeasurements(measurementPhases), last, terminating);
    }

    /// <param name="limits">The metric's limits.</param>
    /// <param name="counters">Tallies over every measurement taken, including ones no longer retained.</param>
    /// <param name="lastMeasurementPhase">The newest measurement's phase; null when none was taken yet.</param>
    /// <param name="terminating">The run is being stopped (terminate requested or another metric already failed).</param>
    public static MetricAssessment Assess(MetricLimits limits, MetricCounters counters, AnalysisPhase? lastMeasurementPhase, bool terminating = false)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(counters);
        if (lastMeasurementPhase is not { } last)
        {
            // Stopped before the first measurement: there is nothing against the metric.
            return new MetricAssessment(terminating ? AnalysisPhase.Successful : AnalysisPhase.Pending);
        }

        if (!last.IsCompleted())
        {
            return new MetricAssessment(AnalysisPhase.Running);
        }

        if (BrokenLimit(limits, counters) is { } broken)
        {
            return broken;
        }

        var consecutiveSuccessApplies = limits.ConsecutiveSuccessLimit > 0;
        if (consecutiveSuccessApplies && counters.ConsecutiveSuccess >= limits.ConsecutiveSuccessLimit)
        {
            return new MetricAssessment(AnalysisPhase.Successful);
        }

        if (limits.EffectiveCount is { } effectiveCount && counters.Count >= effectiveCount)
        {
            if (!consecutiveSuccessApplies)
            {
                return new MetricAssessment(AnalysisPhase.Successful);
            }

            // The count ran out without the required streak of successes.
            return limits.FailureLimit >= 0
                ? new MetricAssessment(AnalysisPhase.Inconclusive, Format(
                    $"consecutiveSuccessLimit ({limits.ConsecutiveSuccessLimit}) not reached and failureLimit ({limits.FailureLimit}) not violated"))
                : new MetricAssessment(AnalysisPhase.Failed, Format(
                    $"consecutiveSuccessLimit ({limits.ConsecutiveSuccessLimit}) not reached"));
        }

        // An open-ended metric that is being stopped has not broken any limit.
        return new MetricAssessment(terminating ? AnalysisPhase.Successful : AnalysisPhase.Running);
    }

    /// <summary>Failed, Inconclusive or Error when a limit is exceeded; the later checks take precedence, as in Argo.</summary>
    private static MetricAssessment? BrokenLimit(MetricLimits limits, MetricCounters counters)
    {
        MetricAssessment? broken = null;
        if (limits.FailureLimit >= 0 && counters.Failed > limits.FailureLimit)
        {
            broken = new MetricAssessment(AnalysisPhase.Failed, Format($"failed ({counters.Failed}) > failureLimit ({limits.FailureLimit})"));
        }

        if (counters.Inconclusive > limits.InconclusiveLimit)
        {
            broken = new MetricAssessment(AnalysisPhase.Inconclusive, Format(
                $"inconclusive ({counters.Inconclusive}) > inconclusiveLimit ({limits.InconclusiveLimit})"));
        }

        if (counters.ConsecutiveError > limits.ConsecutiveErrorLimit)
        {
            broken = new MetricAssessment(AnalysisPhase.Error, Format(
                $"consecutiveErrors ({counters.ConsecutiveError}) > consecutiveErrorLimit ({limits.ConsecutiveErrorLimit})"));
        }

        return broken;
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
