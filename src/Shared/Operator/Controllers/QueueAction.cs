namespace Tollgate.Shared.Operator.Controllers;

/// <summary>What happens to a key after a reconcile: forget its backoff, retry with backoff, and/or come back later.</summary>
public sealed record QueueAction(bool Forget, bool AddRateLimited, TimeSpan? AddAfter)
{
    /// <summary>
    /// Pure decision: success forgets the backoff and comes back after requeueAfter (if any); failure comes back after
    /// requeueAfter when the controller chose a delay, otherwise after the rate limiter's backoff.
    /// </summary>
    public static QueueAction After(bool success, TimeSpan? requeueAfter) =>
        (success, requeueAfter) switch
        {
            (true, { } delay) => new QueueAction(true, false, delay),
            (true, null) => new QueueAction(true, false, null),
            (false, { } delay) => new QueueAction(false, false, delay),
            (false, null) => new QueueAction(false, true, null),
        };
}
