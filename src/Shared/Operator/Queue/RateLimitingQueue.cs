namespace Tollgate.Shared.Operator.Queue;

/// <summary>
/// A work queue with client-go's guarantees: an item added while it waits is stored once; an item added while a worker
/// processes it is queued again only after <see cref="Done"/>, so no two workers ever hold the same item; items can be
/// added after a delay or after a rate limiter's backoff. Thread-safe.
/// </summary>
public sealed class RateLimitingQueue<TItem> : IDisposable
    where TItem : class
{
    private readonly Lock gate = new();
    private readonly Queue<TItem> ready = new();
    private readonly HashSet<TItem> dirty = [];
    private readonly HashSet<TItem> processing = [];
    private readonly Dictionary<TItem, DateTimeOffset> waiting = [];
    private readonly PriorityQueue<TItem, DateTimeOffset> waitingByTime = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly CancellationTokenSource shutdown = new();
    private readonly IRateLimiter<TItem> rateLimiter;
    private readonly TimeProvider time;
    private readonly WorkQueueMetrics? metrics;
    private readonly ITimer timer;
    private bool shuttingDown;

    public RateLimitingQueue(string name, IRateLimiter<TItem> rateLimiter, TimeProvider? time = null, WorkQueueMetrics? metrics = null)
    {
        Name = name;
        this.rateLimiter = rateLimiter;
        this.time = time ?? TimeProvider.System;
        this.metrics = metrics;
        timer = this.time.CreateTimer(static state => ((RateLimitingQueue<TItem>)state!).MoveDueItems(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Name { get; }

    /// <summary>Items ready to be handed out (not those delayed or being processed).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return ready.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (gate)
            {
                return shuttingDown;
            }
        }
    }

    public void Add(TItem item)
    {
        lock (gate)
        {
            AddLocked(item);
        }
    }

    /// <summary>Adds <paramref name="item"/> once <paramref name="delay"/> has passed; an earlier pending time wins.</summary>
    public void AddAfter(TItem item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        lock (gate)
        {
            if (shuttingDown)
            {
                return;
            }

            var readyAt = time.GetUtcNow() + delay;
            if (waiting.TryGetValue(item, out var existing) && existing <= readyAt)
            {
                return;
            }

            waiting[item] = readyAt;
            waitingByTime.Enqueue(item, readyAt);
            ArmTimerLocked();
        }
    }

    /// <summary>Adds <paramref name="item"/> after the rate limiter's backoff for it; counts as a retry.</summary>
    public void AddRateLimited(TItem item)
    {
        if (IsShuttingDown)
        {
            return;
        }

        metrics?.Retried(Name);
        AddAfter(item, rateLimiter.When(item));
    }

    /// <summary>Ends the backoff history of <paramref name="item"/>; it does not remove the item from the queue.</summary>
    public void Forget(TItem item) => rateLimiter.Forget(item);

    public int NumRequeues(TItem item) => rateLimiter.NumRequeues(item);

    /// <summary>
    /// Waits for the next item and marks it as being processed; call <see cref="Done"/> when finished with it. Returns
    /// null once the queue is shut down.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled, whether or not an item is ready.</exception>
    public async Task<TItem?> GetAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token);
        while (true)
        {
            // A cancelled caller (a worker whose leadership ended) takes nothing, even when an item is ready: it would
            // fail at once, put the item back, and take it again, never returning to the host that waits for it.
            cancellationToken.ThrowIfCancellationRequested();
            lock (gate)
            {
                if (shuttingDown)
                {
                    return null;
                }

                if (ready.TryDequeue(out var item))
                {
                    metrics?.DepthChanged(Name, -1);
                    dirty.Remove(item);
                    processing.Add(item);
                    return item;
                }
            }

            try
            {
                // The semaphore may count more releases than items (a fast-path dequeue consumes none); a spurious
                // wake-up only loops, while a missing one cannot happen.
                await signal.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    /// <summary>Marks <paramref name="item"/> as processed; if it was added meanwhile, it is queued again now.</summary>
    public void Done(TItem item)
    {
        lock (gate)
        {
            processing.Remove(item);
            if (dirty.Contains(item) && !shuttingDown)
            {
                EnqueueLocked(item);
            }
        }
    }

    /// <summary>Stops handing out items at once: waiting and future <see cref="GetAsync"/> calls return null.</summary>
    public void ShutDown()
    {
        lock (gate)
        {
            if (shuttingDown)
            {
                return;
            }

            shuttingDown = true;
            metrics?.DepthChanged(Name, -ready.Count);
            ready.Clear();
            dirty.Clear();
            waiting.Clear();
            waitingByTime.Clear();
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        shutdown.Cancel();
    }

    public void Dispose()
    {
        ShutDown();
        timer.Dispose();
        shutdown.Dispose();
        signal.Dispose();
    }

    private void AddLocked(TItem item)
    {
        if (shuttingDown || !dirty.Add(item))
        {
            return;
        }

        metrics?.Added(Name);
        if (!processing.Contains(item))
        {
            EnqueueLocked(item);
        }
    }

    private void EnqueueLocked(TItem item)
    {
        ready.Enqueue(item);
        metrics?.DepthChanged(Name, 1);
        signal.Release();
    }

    private void MoveDueItems()
    {
        lock (gate)
        {
            if (shuttingDown)
            {
                return;
            }

            var now = time.GetUtcNow();
            while (waitingByTime.TryPeek(out var item, out var readyAt) && readyAt <= now)
            {
                waitingByTime.Dequeue();
                // A stale heap entry: the item was re-scheduled earlier and has already been moved or re-timed.
                if (waiting.TryGetValue(item, out var current) && current == readyAt)
                {
                    waiting.Remove(item);
                    AddLocked(item);
                }
            }

            ArmTimerLocked();
        }
    }

    private void ArmTimerLocked()
    {
        while (waitingByTime.TryPeek(out var item, out var readyAt))
        {
            if (waiting.TryGetValue(item, out var current) && current == readyAt)
            {
                var due = readyAt - time.GetUtcNow();
                timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
                return;
            }

            waitingByTime.Dequeue();
        }

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }
}
