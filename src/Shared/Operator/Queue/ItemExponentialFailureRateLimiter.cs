namespace Tollgate.Shared.Operator.Queue;

/// <summary>Per item: <c>baseDelay * 2^failures</c>, capped at <c>maxDelay</c>.</summary>
public sealed class ItemExponentialFailureRateLimiter<TItem>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<TItem>
    where TItem : notnull
{
    private readonly Dictionary<TItem, int> failures = [];
    private readonly Lock gate = new();

    public TimeSpan When(TItem item)
    {
        int exponent;
        lock (gate)
        {
            failures.TryGetValue(item, out exponent);
            failures[item] = exponent + 1;
        }

        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(TItem item)
    {
        lock (gate)
        {
            failures.Remove(item);
        }
    }

    public int NumRequeues(TItem item)
    {
        lock (gate)
        {
            return failures.GetValueOrDefault(item);
        }
    }
}
