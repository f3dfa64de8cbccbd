namespace Tollgate.Shared.Operator.Queue;

/// <summary>The longest delay any of the limiters asks for; every limiter sees every failure.</summary>
public sealed class MaxOfRateLimiter<TItem>(params IReadOnlyList<IRateLimiter<TItem>> limiters) : IRateLimiter<TItem>
    where TItem : notnull
{
    public TimeSpan When(TItem item)
    {
        var longest = TimeSpan.Zero;
        foreach (var limiter in limiters)
        {
            var delay = limiter.When(item);
            if (delay > longest)
            {
                longest = delay;
            }
        }

        return longest;
    }

    public void Forget(TItem item)
    {
        foreach (var limiter in limiters)
        {
            limiter.Forget(item);
        }
    }

    public int NumRequeues(TItem item) => limiters.Count == 0 ? 0 : limiters.Max(l => l.NumRequeues(item));
}
