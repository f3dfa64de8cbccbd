namespace Tollgate.Rollouts.Analysis;

/// <summary>When a metric's next measurement is due (Argo's calculateNextReconcileTime, per metric).</summary>
public static class MetricSchedule
{
    /// <param name="runStartedAt">When the run started; the initial delay counts from here.</param>
    /// <param name="initialDelay">The metric's initialDelay.</param>
    /// <param name="interval">The metric's interval; null means measurements follow each other without waiting.</param>
    /// <param name="lastFinishedAt">When the newest measurement finished; null before the first.</param>
    public static DateTimeOffset NextMeasurementAt(DateTimeOffset runStartedAt, TimeSpan? initialDelay, TimeSpan? interval, DateTimeOffset? lastFinishedAt)
    {
        if (lastFinishedAt is not { } last)
        {
            return runStartedAt + (initialDelay ?? TimeSpan.Zero);
        }

        return last + (interval ?? TimeSpan.Zero);
    }
}
