namespace Tollgate.Shared.Metrics;

internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
