namespace Tollgate.Shared.Operator.Queue;

/// <summary>
/// An overall token bucket shared by all items: <paramref name="burst"/> retries at once, then
/// <paramref name="tokensPerSecond"/>. Each call reserves a token, so the returned delay grows with the backlog.
/// </summary>
public sealed class BucketRateLimiter<TItem>(double tokensPerSecond, int burst, TimeProvider time) : IRateLimiter<TItem>
    where TItem : notnull
{
    private readonly Lock gate = new();
    private double tokens = burst;
    private DateTimeOffset last = time.GetUtcNow();

    public TimeSpan When(TItem item)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now > last)
            {
                tokens = Math.Min(burst, tokens + ((now - last).TotalSeconds * tokensPerSecond));
                last = now;
            }

            tokens -= 1;
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Round(-tokens / tokensPerSecond * TimeSpan.TicksPerSecond));
        }
    }

    public void Forget(TItem item)
    {
    }

    public int NumRequeues(TItem item) => 0;
}
