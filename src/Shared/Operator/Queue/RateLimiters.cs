namespace Tollgate.Shared.Operator.Queue;

/// <summary>The controller default of client-go: per-item exponential backoff and an overall token bucket.</summary>
public static class RateLimiters
{
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(5);
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(1000);
    public const double DefaultTokensPerSecond = 10;
    public const int DefaultBurst = 100;

    /// <summary>5 ms doubling to 1000 s per item, and at most 10 retries per second (burst 100) overall.</summary>
    public static IRateLimiter<TItem> Default<TItem>(TimeProvider time)
        where TItem : notnull =>
        new MaxOfRateLimiter<TItem>(
            new ItemExponentialFailureRateLimiter<TItem>(DefaultBaseDelay, DefaultMaxDelay),
            new BucketRateLimiter<TItem>(DefaultTokensPerSecond, DefaultBurst, time));
}
