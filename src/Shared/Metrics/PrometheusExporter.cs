using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Tollgate.Shared.Metrics;

/// <summary>
/// Listens to System.Diagnostics.Metrics instruments of the chosen meters and renders them in the Prometheus text
/// exposition format (version 0.0.4). Observable instruments are read at scrape time.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>Latency buckets (seconds) for histograms that give no advice of their own: 0.5 ms to 60 s.</summary>
    public static readonly IReadOnlyList<double> DefaultBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, ExportedInstrument> instruments = new();
    private readonly Lock scrapeGate = new();

    /// <param name="meterNamePrefixes">Meters whose name starts with one of these are exported (default "Tollgate").</param>
    public PrometheusExporter(params string[] meterNamePrefixes)
    {
        var prefixes = meterNamePrefixes.Length == 0 ? ["Tollgate"] : meterNamePrefixes;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (prefixes.Any(p => instrument.Meter.Name.StartsWith(p, StringComparison.Ordinal)))
            {
                instruments.TryAdd(instrument, Export(instrument));
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, m, tags, _) => Record(i, m, tags));
        listener.SetMeasurementEventCallback<float>((i, m, tags, _) => Record(i, m, tags));
        listener.SetMeasurementEventCallback<long>((i, m, tags, _) => Record(i, m, tags));
        listener.SetMeasurementEventCallback<int>((i, m, tags, _) => Record(i, m, tags));
        listener.SetMeasurementEventCallback<short>((i, m, tags, _) => Record(i, m, tags));
        listener.SetMeasurementEventCallback<byte>((i, m, tags, _) => Record(i, m, tags));
        listener.MeasurementsCompleted = (instrument, state) => instruments.TryRemove(instrument, out var removed);
        listener.Start();
    }

    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The current exposition text.</summary>
    public string Scrape()
    {
        lock (scrapeGate)
        {
            listener.RecordObservableInstruments();
            var output = new StringBuilder(4096);
            foreach (var group in instruments.Values.Where(i => i.HasSeries).GroupBy(i => i.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                // Two meters may publish an instrument of the same name (one per host in tests); export the first.
                group.First().WriteTo(output);
            }

            return output.ToString();
        }
    }

    public void Dispose() => listener.Dispose();

    private static ExportedInstrument Export(Instrument instrument)
    {
        var kind = instrument switch
        {
            Histogram<double> or Histogram<long> or Histogram<int> or Histogram<float> => MetricKind.Histogram,
            Counter<long> or Counter<double> or Counter<int> or ObservableCounter<long> or ObservableCounter<double> or ObservableCounter<int> => MetricKind.Counter,
            _ => MetricKind.Gauge,
        };
        double[]? bounds = null;
        if (kind == MetricKind.Histogram)
        {
            bounds = instrument switch
            {
                Histogram<double> { Advice.HistogramBucketBoundaries: { } advised } => [.. advised],
                Histogram<long> { Advice.HistogramBucketBoundaries: { } advised } => [.. advised.Select(b => (double)b)],
                Histogram<int> { Advice.HistogramBucketBoundaries: { } advised } => [.. advised.Select(b => (double)b)],
                _ => [.. DefaultBuckets],
            };
            Array.Sort(bounds);
        }

        return new ExportedInstrument(instrument, kind, bounds);
    }

    private void Record<T>(Instrument instrument, T measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        if (instruments.TryGetValue(instrument, out var exported))
        {
            exported.Record(measurement.ToDouble(System.Globalization.CultureInfo.InvariantCulture), tags);
        }
    }
}
