using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Tollgate.Shared.Metrics;

/// <summary>The Prometheus view of one System.Diagnostics.Metrics instrument and all its labelled series.</summary>
internal sealed class ExportedInstrument
{
    private readonly ConcurrentDictionary<TagSet, MetricSeries> series = new(TagSetComparer.Instance);

    // Observable instruments and Gauge<T> report the current value; counters and up-down counters report deltas.
    private readonly bool reportsAbsoluteValues;

    public ExportedInstrument(Instrument instrument, MetricKind kind, double[]? bucketBounds)
    {
        Instrument = instrument;
        Kind = kind;
        BucketBounds = bucketBounds;
        Name = PrometheusNames.For(instrument, kind);
        Help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
        ConstantLabels = instrument.Tags?.ToArray() ?? [];
        reportsAbsoluteValues = instrument.IsObservable || instrument is Gauge<double> or Gauge<long> or Gauge<int>;
    }

    public Instrument Instrument { get; }

    public MetricKind Kind { get; }

    public string Name { get; }

    public string Help { get; }

    public double[]? BucketBounds { get; }

    public KeyValuePair<string, object?>[] ConstantLabels { get; }

    public void Record(double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // The hot path: find the series from the measurement's tags without allocating; render labels once per series.
        var lookup = series.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
        if (!lookup.TryGetValue(tags, out var target))
        {
            var key = TagSetComparer.Instance.Create(tags);
            target = series.GetOrAdd(key, new MetricSeries(RenderLabels(key.Tags), BucketBounds));
        }

        if (Kind == MetricKind.Histogram)
        {
            target.Observe(measurement);
        }
        else if (reportsAbsoluteValues)
        {
            target.Set(measurement);
        }
        else
        {
            target.Add(measurement);
        }
    }

    public bool HasSeries => !series.IsEmpty;

    public void WriteTo(StringBuilder output)
    {
        output.Append("# HELP ").Append(Name).Append(' ').Append(EscapeHelp(Help)).Append('\n');
        output.Append("# TYPE ").Append(Name).Append(' ').Append(Kind switch
        {
            MetricKind.Counter => "counter",
            MetricKind.Gauge => "gauge",
            _ => "histogram",
        }).Append('\n');
        foreach (var entry in series.Values.OrderBy(s => s.Labels, StringComparer.Ordinal))
        {
            var (value, count, buckets) = entry.Snapshot();
            if (Kind != MetricKind.Histogram)
            {
                Sample(output, Name, entry.Labels, null, value);
                continue;
            }

            long cumulative = 0;
            for (var i = 0; i < BucketBounds!.Length; i++)
            {
                cumulative += buckets![i];
                Sample(output, Name + "_bucket", entry.Labels, Format(BucketBounds[i]), cumulative);
            }

            Sample(output, Name + "_bucket", entry.Labels, "+Inf", count);
            Sample(output, Name + "_sum", entry.Labels, null, value);
            Sample(output, Name + "_count", entry.Labels, null, count);
        }
    }

    private string RenderLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0 && ConstantLabels.Length == 0)
        {
            return "";
        }

        var all = new KeyValuePair<string, object?>[tags.Length + ConstantLabels.Length];
        tags.CopyTo(all);
        ConstantLabels.CopyTo(all, tags.Length);
        Array.Sort(all, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var builder = new StringBuilder();
        foreach (var (key, tagValue) in all)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(PrometheusNames.Sanitize(key)).Append("=\"");
            AppendEscapedLabelValue(builder, Convert.ToString(tagValue, CultureInfo.InvariantCulture) ?? "");
            builder.Append('"');
        }

        return builder.ToString();
    }

    private static void Sample(StringBuilder output, string name, string labels, string? le, double value)
    {
        output.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            output.Append('{').Append(labels);
            if (le is not null)
            {
                output.Append(labels.Length > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
            }

            output.Append('}');
        }

        output.Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("G17", CultureInfo.InvariantCulture),
    };

    private static void AppendEscapedLabelValue(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append(@"\n"),
                _ => builder.Append(c),
            };
        }
    }

    private static string EscapeHelp(string help) => help.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
}
