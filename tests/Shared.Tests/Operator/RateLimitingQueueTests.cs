using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tollgate.Shared.Operator;
using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Tests.Operator;

public sealed class RateLimitingQueueTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Add_SameKeyWhileQueued_StoredOnce()
    {
        using var queue = NewQueue();
        var a = new EntityKey("ns", "a");

        queue.Add(a);
        queue.Add(new EntityKey("ns", "a"));
        queue.Add(new EntityKey("ns", "b"));

        Assert.Equal(2, queue.Count);
        Assert.Equal(a, await queue.GetAsync(Timeout()));
        Assert.Equal(new EntityKey("ns", "b"), await queue.GetAsync(Timeout()));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Add_WhileBeingProcessed_HandedOutAgainOnlyAfterDone()
    {
        using var queue = NewQueue();
        var a = new EntityKey("ns", "a");
        queue.Add(a);
        var first = await queue.GetAsync(Timeout());

        queue.Add(a);
        queue.Add(a);
        var second = queue.GetAsync(Timeout());

        Assert.Equal(0, queue.Count);
        Assert.False(second.IsCompleted);
        queue.Done(first!);
        Assert.Equal(a, await second.WaitAsync(Wait));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task GetAsync_CancelledWithAnItemReady_ThrowsAndLeavesTheItemQueued()
    {
        using var queue = NewQueue();
        var a = new EntityKey("ns", "a");
        queue.Add(a);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetAsync(cancelled.Token));

        Assert.Equal(1, queue.Count);
        Assert.Equal(a, await queue.GetAsync(Timeout()));
    }

    [Fact]
    public async Task Done_NotAddedMeanwhile_NotHandedOutAgain()
    {
        using var queue = NewQueue();
        queue.Add(new EntityKey("ns", "a"));
        queue.Done((await queue.GetAsync(Timeout()))!);

        Assert.Equal(0, queue.Count);
        queue.ShutDown();
        Assert.Null(await queue.GetAsync(Timeout()));
    }

    [Fact]
    public async Task GetAsync_ManyWorkersAndRepeatedAdds_NeverTwoWorkersOnOneKey()
    {
        using var queue = NewQueue();
        var keys = Enumerable.Range(0, 5).Select(i => new EntityKey("ns", $"k{i}")).ToArray();
        var inFlight = new ConcurrentDictionary<EntityKey, int>();
        var overlaps = 0;
        var processed = 0;
        using var stop = new CancellationTokenSource(Wait);

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await queue.GetAsync(stop.Token) is { } key)
            {
                if (inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                Thread.SpinWait(1000);
                inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
                Interlocked.Increment(ref processed);
                queue.Done(key);
            }
        })).ToArray();
        for (var i = 0; i < 2_000; i++)
        {
            queue.Add(keys[i % keys.Length]);
            if (i % 50 == 0)
            {
                await Task.Yield();
            }
        }

        await TestWait.UntilAsync("the queue to drain", () => queue.Count == 0 && inFlight.Values.All(v => v == 0), Wait);
        queue.ShutDown();
        await Task.WhenAll(workers);

        Assert.Equal(0, overlaps);
        Assert.InRange(processed, keys.Length, 2_000);
    }

    [Fact]
    public async Task AddAfter_DifferentDelays_ReadyInDueOrderOnlyOnceDue()
    {
        var clock = new ManualTimeProvider();
        using var queue = NewQueue(clock);
        queue.AddAfter(new EntityKey(null, "a"), TimeSpan.FromSeconds(3));
        queue.AddAfter(new EntityKey(null, "b"), TimeSpan.FromSeconds(1));
        queue.AddAfter(new EntityKey(null, "c"), TimeSpan.FromSeconds(2));

        Assert.Equal(0, queue.Count);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, queue.Count);
        clock.Advance(TimeSpan.FromSeconds(10));

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            order.Add((await queue.GetAsync(Timeout()))!.Name);
        }

        Assert.Equal(["b", "c", "a"], order);
    }

    [Fact]
    public void AddAfter_SameKeyTwice_EarlierTimeWinsAndItIsAddedOnce()
    {
        var clock = new ManualTimeProvider();
        using var queue = NewQueue(clock);
        var a = new EntityKey(null, "a");

        queue.AddAfter(a, TimeSpan.FromSeconds(5));
        queue.AddAfter(a, TimeSpan.FromSeconds(1));
        queue.AddAfter(a, TimeSpan.FromSeconds(3));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, queue.Count);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void AddAfter_ZeroDelay_AddsAtOnce()
    {
        using var queue = NewQueue(new ManualTimeProvider());

        queue.AddAfter(new EntityKey(null, "a"), TimeSpan.Zero);

        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task AddRateLimited_RepeatedFailures_WaitsTheBackoffAndForgetResetsIt()
    {
        var clock = new ManualTimeProvider();
        using var queue = new RateLimitingQueue<EntityKey>(
            "backoff", new ItemExponentialFailureRateLimiter<EntityKey>(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), clock);
        var a = new EntityKey("ns", "a");

        queue.AddRateLimited(a);
        clock.Advance(TimeSpan.FromSeconds(0.9));
        Assert.Equal(0, queue.Count);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        queue.Done((await queue.GetAsync(Timeout()))!);

        queue.AddRateLimited(a);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(0, queue.Count);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, queue.Count);
        Assert.Equal(2, queue.NumRequeues(a));

        queue.Forget(a);
        Assert.Equal(0, queue.NumRequeues(a));
    }

    [Fact]
    public async Task ShutDown_WorkerWaiting_GetsNullAndLaterAddsAreIgnored()
    {
        using var queue = NewQueue();
        var waiting = queue.GetAsync(Timeout());

        queue.ShutDown();
        queue.Add(new EntityKey(null, "late"));

        Assert.Null(await waiting.WaitAsync(Wait));
        Assert.Equal(0, queue.Count);
        Assert.True(queue.IsShuttingDown);
    }

    [Fact]
    public async Task GetAsync_Cancelled_Throws()
    {
        using var queue = NewQueue();
        using var cts = new CancellationTokenSource();
        var waiting = queue.GetAsync(cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Metrics_AddsRetriesAndDepth_TaggedWithQueueName()
    {
        var name = $"metrics-{Guid.NewGuid():N}";
        using var meter = new Meter(OperatorMeter.Name);
        using var recorder = new MetricRecorder();
        var clock = new ManualTimeProvider();
        using var queue = new RateLimitingQueue<EntityKey>(name, RateLimiters.Default<EntityKey>(clock), clock, new WorkQueueMetrics(meter));
        var a = new EntityKey("ns", "a");

        queue.Add(a);
        queue.Add(a);
        queue.Add(new EntityKey("ns", "b"));
        var taken = await queue.GetAsync(Timeout());
        queue.AddRateLimited(taken!);
        queue.AddRateLimited(taken!);
        queue.Done(taken!);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(3, recorder.Sum("workqueue_adds_total", ("name", name)));
        Assert.Equal(2, recorder.Sum("workqueue_retries_total", ("name", name)));
        Assert.Equal(queue.Count, recorder.Sum("workqueue_depth", ("name", name)));
        Assert.Equal(2, queue.Count);
    }

    private static RateLimitingQueue<EntityKey> NewQueue(TimeProvider? time = null) =>
        new("test", RateLimiters.Default<EntityKey>(time ?? TimeProvider.System), time);

    private static CancellationToken Timeout() => new CancellationTokenSource(Wait).Token;
}
