using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tollgate.Shared.Metrics;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Shared.Tests.Metrics;

public sealed class PrometheusExporterTests : IDisposable
{
    private readonly string meterName = $"Tollgate.Test{Guid.NewGuid():N}";
    private readonly Meter meter;
    private readonly PrometheusExporter exporter;

    public PrometheusExporterTests()
    {
        exporter = new PrometheusExporter(meterName);
        meter = new Meter(meterName);
    }

    public void Dispose()
    {
        meter.Dispose();
        exporter.Dispose();
    }

    [Fact]
    public void Scrape_CounterWithTags_SumsPerLabelSetWithTotalSuffix()
    {
        var requests = meter.CreateCounter<long>("kube_api_requests", description: "Requests by verb and code");
        requests.Add(1, new("verb", "GET"), new("code", "200"));
        requests.Add(2, new("code", "200"), new("verb", "GET"));
        requests.Add(1, new("verb", "PUT"), new("code", "409"));

        var text = exporter.Scrape();

        Assert.Contains("# HELP tollgate_kube_api_requests_total Requests by verb and code\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE tollgate_kube_api_requests_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("tollgate_kube_api_requests_total{code=\"200\",verb=\"GET\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("tollgate_kube_api_requests_total{code=\"409\",verb=\"PUT\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_HistogramWithAdvisedBuckets_WritesCumulativeBucketsSumAndCount()
    {
        var latency = meter.CreateHistogram<double>(
            "reconcile_duration", unit: "s", description: "Reconcile latency", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
        latency.Record(0.05);
        latency.Record(0.5);
        latency.Record(3);

        var text = exporter.Scrape();

        Assert.Contains("# TYPE tollgate_reconcile_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("tollgate_reconcile_duration_seconds_bucket{le=\"0.10000000000000001\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("tollgate_reconcile_duration_seconds_bucket{le=\"1\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("tollgate_reconcile_duration_seconds_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("tollgate_reconcile_duration_seconds_sum 3.5499999999999998\n", text, StringComparison.Ordinal);
        Assert.Contains("tollgate_reconcile_duration_seconds_count 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_GaugesAndUpDownCounters_ReportCurrentValues()
    {
        var depth = meter.CreateUpDownCounter<long>("workqueue_depth", description: "Items waiting");
        depth.Add(5, new KeyValuePair<string, object?>("name", "rollouts"));
        depth.Add(-2, new KeyValuePair<string, object?>("name", "rollouts"));
        var weight = 10;
        meter.CreateObservableGauge("canary_weight", () => new Measurement<int>(weight, new KeyValuePair<string, object?>("rollout", "prod/web")), description: "Canary weight");

        var first = exporter.Scrape();
        weight = 30;
        var second = exporter.Scrape();

        Assert.Contains("tollgate_workqueue_depth{name=\"rollouts\"} 3\n", first, StringComparison.Ordinal);
        Assert.Contains("tollgate_canary_weight{rollout=\"prod/web\"} 10\n", first, StringComparison.Ordinal);
        Assert.Contains("tollgate_canary_weight{rollout=\"prod/web\"} 30\n", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("quote\"d", "quote\\\"d")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("new\nline", "new\\nline")]
    public void Scrape_LabelValues_AreEscaped(string value, string rendered)
    {
        meter.CreateCounter<long>("escapes").Add(1, new KeyValuePair<string, object?>("message", value));

        Assert.Contains($"tollgate_escapes_total{{message=\"{rendered}\"}} 1\n", exporter.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_EveryInstrumentKind_PassesPromtoolCheckMetrics()
    {
        meter.CreateCounter<long>("admission_requests", description: "Admission requests").Add(1, new("webhook", "drift"), new("decision", "deny"));
        meter.CreateHistogram<double>("admission_duration", unit: "s", description: "Admission latency").Record(0.0004, new KeyValuePair<string, object?>("webhook", "drift"));
        meter.CreateUpDownCounter<int>("workqueue_depth", description: "Queue depth").Add(1);
        meter.CreateObservableGauge("leader", () => 1, description: "1 when leading");
        meter.CreateObservableCounter("informer_events", () => 42L, description: "Events seen");

        var promtool = ControlPlaneBinaries.FindOnPath("promtool")
            ?? throw new InvalidOperationException("promtool is not installed: run `make bootstrap` (Debian package prometheus)");
        using var process = Process.Start(new ProcessStartInfo(promtool, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await process.StandardInput.WriteAsync(exporter.Scrape());
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"promtool check metrics failed:\n{output}\n{exporter.Scrape()}");
        Assert.Equal("", output.Trim());
    }
}
