namespace Tollgate.Shared.Metrics;

/// <summary>One labelled series of an instrument: a running value, or histogram buckets with sum and count.</summary>
internal sealed class MetricSeries(string labels, double[]? bucketBounds)
{
    private readonly Lock gate = new();
    private readonly long[]? bucketCounts = bucketBounds is null ? null : new long[bucketBounds.Length + 1];
    private double value;
    private long count;

    /// <summary>Rendered label pairs without braces, e.g. <c>verb="GET",code="200"</c>; empty when unlabelled.</summary>
    public string Labels { get; } = labels;

    public void Add(double delta)
    {
        lock (gate)
        {
            value += delta;
        }
    }

    public void Set(double newValue)
    {
        lock (gate)
        {
            value = newValue;
        }
    }

    public void Observe(double sample)
    {
        var index = Array.BinarySearch(bucketBounds!, sample);
        index = index >= 0 ? index : ~index;
        lock (gate)
        {
            bucketCounts![index]++;
            value += sample;
            count++;
        }
    }

    public (double Value, long Count, long[]? Buckets) Snapshot()
    {
        lock (gate)
        {
            return (value, count, bucketCounts?.ToArray());
        }
    }
}
