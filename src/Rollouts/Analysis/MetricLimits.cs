namespace Tollgate.Rollouts.Analysis;

/// <summary>The limits of an AnalysisTemplate metric that decide when it has succeeded or failed.</summary>
/// <param name="Count">How many measurements to take; null or 0 means one, or unlimited when <paramref name="HasInterval"/>.</param>
/// <param name="HasInterval">The metric has an interval, i.e. it measures repeatedly.</param>
/// <param name="FailureLimit">Failed measurements tolerated; negative disables the check (with consecutiveSuccessLimit).</param>
/// <param name="InconclusiveLimit">Inconclusive measurements tolerated.</param>
/// <param name="ConsecutiveErrorLimit">Consecutive errored measurements tolerated.</param>
/// <param name="ConsecutiveSuccessLimit">Consecutive successes that end the metric successfully; 0 disables it.</param>
public sealed record MetricLimits(
    int? Count = null,
    bool HasInterval = false,
    int FailureLimit = 0,
    int InconclusiveLimit = 0,
    int ConsecutiveErrorLimit = MetricLimits.DefaultConsecutiveErrorLimit,
    int ConsecutiveSuccessLimit = 0)
{
    public const int DefaultConsecutiveErrorLimit = 4;

    public int? Count
    {
        get;
        init => field = value is { } count ? NonNegative(count, nameof(Count)) : null;
    } = Count is { } count ? NonNegative(count, nameof(Count)) : null;

    public int InconclusiveLimit
    {
        get;
        init => field = NonNegative(value, nameof(InconclusiveLimit));
    } = NonNegative(InconclusiveLimit, nameof(InconclusiveLimit));

    public int ConsecutiveErrorLimit
    {
        get;
        init => field = NonNegative(value, nameof(ConsecutiveErrorLimit));
    } = NonNegative(ConsecutiveErrorLimit, nameof(ConsecutiveErrorLimit));

    public int ConsecutiveSuccessLimit
    {
        get;
        init => field = NonNegative(value, nameof(ConsecutiveSuccessLimit));
    } = NonNegative(ConsecutiveSuccessLimit, nameof(ConsecutiveSuccessLimit));

    /// <summary>Measurements after which the metric is done: Count, else 1 without an interval, else unlimited (null).</summary>
    public int? EffectiveCount => Count is null or 0 ? (HasInterval ? null : 1) : Count;

    private static int NonNegative(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }
}
