using System.Collections.Concurrent;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

/// <summary>
/// What the test controller and finalizer do, set per test, and what they saw: calls per widget, the most reconciles
/// of one widget ever in flight at once, deletions and finalizations.
/// </summary>
public sealed class WidgetScript
{
    private readonly ConcurrentDictionary<string, int> reconciles = new();
    private readonly ConcurrentDictionary<string, int> inFlight = new();
    private readonly ConcurrentQueue<(string Name, DateTimeOffset At)> reconcileLog = new();
    private readonly ConcurrentQueue<string> deleted = new();
    private readonly ConcurrentQueue<string> finalized = new();
    private int maxInFlightPerKey;

    /// <summary>Called with the widget and its 1-based attempt number.</summary>
    public Func<Widget, int, CancellationToken, Task<ReconciliationResult<Widget>>> Reconcile { get; set; } =
        (widget, _, _) => Task.FromResult(ReconciliationResult<Widget>.Success(widget));

    public Func<Widget, int, CancellationToken, Task<ReconciliationResult<Widget>>> Finalize { get; set; } =
        (widget, _, _) => Task.FromResult(ReconciliationResult<Widget>.Success(widget));

    /// <summary>Tells reconciles apart when several operators share a script.</summary>
    public string Instance { get; set; } = "";

    public int MaxInFlightPerKey => Volatile.Read(ref maxInFlightPerKey);

    public IReadOnlyList<string> Deleted => [.. deleted];

    public IReadOnlyList<string> Finalized => [.. finalized];

    public IReadOnlyList<(string Name, DateTimeOffset At)> ReconcileLog => [.. reconcileLog];

    public int Reconciles(string name) => reconciles.GetValueOrDefault(name);

    internal async Task<ReconciliationResult<Widget>> RunReconcileAsync(Widget widget, CancellationToken cancellationToken)
    {
        var name = widget.Metadata.Name!;
        var concurrent = inFlight.AddOrUpdate(name, 1, (_, n) => n + 1);
        InterlockedMax(concurrent);
        try
        {
            var attempt = reconciles.AddOrUpdate(name, 1, (_, n) => n + 1);
            reconcileLog.Enqueue((Instance.Length == 0 ? name : $"{Instance}:{name}", DateTimeOffset.UtcNow));
            return await Reconcile(widget, attempt, cancellationToken);
        }
        finally
        {
            inFlight.AddOrUpdate(name, 0, (_, n) => n - 1);
        }
    }

    internal Task<ReconciliationResult<Widget>> RunDeleted(Widget widget)
    {
        deleted.Enqueue(widget.Metadata.Name!);
        return Task.FromResult(ReconciliationResult<Widget>.Success(widget));
    }

    internal Task<ReconciliationResult<Widget>> RunFinalizeAsync(Widget widget, CancellationToken cancellationToken)
    {
        finalized.Enqueue(widget.Metadata.Name!);
        return Finalize(widget, finalized.Count(n => n == widget.Metadata.Name), cancellationToken);
    }

    private void InterlockedMax(int value)
    {
        var current = Volatile.Read(ref maxInFlightPerKey);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref maxInFlightPerKey, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
