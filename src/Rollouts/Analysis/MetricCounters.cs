namespace Tollgate.Rollouts.Analysis;

/// <summary>
/// A metric result's running tallies (status.metricResults[].count, failed, consecutiveError...). They are
/// kept apart from the measurement list because that list is trimmed by measurement retention.
/// </summary>
public sealed record MetricCounters(
    int Count = 0,
    int Successful = 0,
    int Failed = 0,
    int Inconclusive = 0,
    int Error = 0,
    int ConsecutiveError = 0,
    int ConsecutiveSuccess = 0)
{
    public static MetricCounters None { get; } = new();

    public static MetricCounters FromMeasurements(IEnumerable<AnalysisPhase> measurementPhases)
    {
        ArgumentNullException.ThrowIfNull(measurementPhases);
        return measurementPhases.Aggregate(None, (counters, phase) => counters.Record(phase));
    }

    /// <summary>Adds a measurement; errors do not count toward <see cref="Count"/>, in-flight measurements change nothing.</summary>
    public MetricCounters Record(AnalysisPhase measurementPhase) => measurementPhase switch
    {
        AnalysisPhase.Successful => this with
        {
            Count = Count + 1,
            Successful = Successful + 1,
            ConsecutiveError = 0,
            ConsecutiveSuccess = ConsecutiveSuccess + 1,
        },
        AnalysisPhase.Failed => this with
        {
            Count = Count + 1,
            Failed = Failed + 1,
            ConsecutiveError = 0,
            ConsecutiveSuccess = 0,
        },
        AnalysisPhase.Inconclusive => this with
        {
            Count = Count + 1,
            Inconclusive = Inconclusive + 1,
            ConsecutiveError = 0,
            ConsecutiveSuccess = 0,
        },
        AnalysisPhase.Error => this with
        {
            Error = Error + 1,
            ConsecutiveError = ConsecutiveError + 1,
            ConsecutiveSuccess = 0,
        },
        _ => this,
    };
}
