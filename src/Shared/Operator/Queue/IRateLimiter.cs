namespace Tollgate.Shared.Operator.Queue;

/// <summary>Decides how long an item waits before it is retried (client-go's workqueue.RateLimiter).</summary>
public interface IRateLimiter<in TItem>
    where TItem : notnull
{
    /// <summary>The delay before the next retry of <paramref name="item"/>; counts as one more failure.</summary>
    TimeSpan When(TItem item);

    /// <summary>Clears the failure history of <paramref name="item"/> (call after a success).</summary>
    void Forget(TItem item);

    /// <summary>How many times <paramref name="item"/> has failed since it was last forgotten.</summary>
    int NumRequeues(TItem item);
}
