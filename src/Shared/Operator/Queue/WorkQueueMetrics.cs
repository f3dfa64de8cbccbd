using System.Diagnostics.Metrics;

namespace Tollgate.Shared.Operator.Queue;

/// <summary>Work queue instruments; one instance per meter, tagged per queue with <c>name</c>.</summary>
public sealed class WorkQueueMetrics(Meter meter)
{
    private readonly UpDownCounter<long> depth = meter.CreateUpDownCounter<long>(
        "workqueue_depth", unit: "{item}", description: "Items waiting in a work queue (not counting delayed ones).");

    private readonly Counter<long> adds = meter.CreateCounter<long>(
        "workqueue_adds_total", unit: "{item}", description: "Items added to a work queue (de-duplicated adds excluded).");

    private readonly Counter<long> retries = meter.CreateCounter<long>(
        "workqueue_retries_total", unit: "{item}", description: "Rate-limited re-adds of failed items.");

    internal void DepthChanged(string queue, int delta) => depth.Add(delta, new KeyValuePair<string, object?>("name", queue));

    internal void Added(string queue) => adds.Add(1, new KeyValuePair<string, object?>("name", queue));

    internal void Retried(string queue) => retries.Add(1, new KeyValuePair<string, object?>("name", queue));
}
