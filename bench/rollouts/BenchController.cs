using System.Diagnostics;
using System.Globalization;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Bench.Rollouts;

/// <summary>The real tollgate-rollouts executable on one namespace, with leader election, and what its /metrics tells.</summary>
public sealed class BenchController : IAsyncDisposable
{
    private readonly ManagedProcess process;
    private readonly HttpClient metrics;

    private BenchController(ManagedProcess process, int port, long startedAt)
    {
        this.process = process;
        StartedAt = startedAt;
        metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>When the process was started (a <see cref="Stopwatch"/> timestamp).</summary>
    public long StartedAt { get; }

    public static BenchController Start(TestControlPlane plane, string @namespace, string logName)
    {
        // BENCH_CONTROLLER_DLL measures another build of the controller (a Release or ReadyToRun publish, say).
        var dll = Environment.GetEnvironmentVariable("BENCH_CONTROLLER_DLL") is { Length: > 0 } other ? other : Path.Combine(AppContext.BaseDirectory, "tollgate-rollouts.dll");
        var port = FreePort.Next();
        var startedAt = Stopwatch.GetTimestamp();
        var process = ManagedProcess.Start(
            "tollgate-rollouts",
            ControlPlaneBinaries.DotnetHost,
            [
                dll, "--kubeconfig", plane.AdminKubeconfigPath, "--namespace", @namespace, "--lease-namespace", @namespace, "--bind-address", $"127.0.0.1:{port}",

                // BENCH_CONTROLLER_ARGS adds flags (say "--rollout-threads 2"), to measure one setting against another.
                .. (Environment.GetEnvironmentVariable("BENCH_CONTROLLER_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            ],
            Path.Combine(plane.WorkDirectory, logName),
            new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Warning",

                // The deployment sets the same: a 4 MiB gen0 budget instead of one sized from the CPU cache keeps RSS down.
                ["DOTNET_GCgen0size"] = Environment.GetEnvironmentVariable("BENCH_GCGEN0SIZE") is { Length: > 0 } gen0 ? gen0 : "0x400000",
            });
        return new BenchController(process, port, startedAt);
    }

    /// <summary>Waits for /readyz (informers synced) and returns the time since the process started.</summary>
    public async Task<TimeSpan> WaitReadyAsync(TimeSpan timeout)
    {
        await TestControlPlane.WaitUntilAsync("controller /readyz", async token =>
        {
            try
            {
                using var response = await metrics.GetAsync(new Uri("/readyz", UriKind.Relative), token);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, timeout);
        return Stopwatch.GetElapsedTime(StartedAt);
    }

    /// <summary>Every Rollout reconcile the controller has counted so far (its Prometheus counter, summed over results).</summary>
    public async Task<double> ReconcilesAsync() =>
        Sum(await ScrapeAsync(), "tollgate_reconcile_total{controller=\"RolloutController\"");

    /// <summary>The controller's API requests so far, by "VERB resource", from its own request counter (all status codes).</summary>
    public async Task<Dictionary<string, double>> ApiRequestsAsync()
    {
        var requests = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in (await ScrapeAsync()).Where(l => l.StartsWith("tollgate_kube_api_requests_total{", StringComparison.Ordinal)))
        {
            var key = $"{Label(line, "verb")} {Label(line, "resource")}";
            requests[key] = requests.GetValueOrDefault(key) + Value(line);
        }

        return requests;
    }

    /// <summary>
    /// Sums and counts of the controller's histograms, for means over an interval: "reconcile" (Rollout reconciles) and
    /// "api VERB" (API request latency by verb, watches excluded), each as (sum of seconds, count).
    /// </summary>
    public async Task<Dictionary<string, (double Seconds, double Count)>> DurationsAsync()
    {
        var lines = await ScrapeAsync();
        var durations = new Dictionary<string, (double Seconds, double Count)>(StringComparer.Ordinal)
        {
            ["reconcile"] = (Sum(lines, "tollgate_reconcile_duration_seconds_sum{controller=\"RolloutController\""),
                Sum(lines, "tollgate_reconcile_duration_seconds_count{controller=\"RolloutController\"")),
        };
        foreach (var line in lines.Where(l => l.StartsWith("tollgate_kube_api_request_duration_seconds_sum{", StringComparison.Ordinal)))
        {
            var key = $"api {Label(line, "verb")}";
            var count = Sum(lines, line[..line.LastIndexOf(' ')].Replace("_sum{", "_count{", StringComparison.Ordinal));
            var (seconds, counted) = durations.GetValueOrDefault(key);
            durations[key] = (seconds + Value(line), counted + count);
        }

        return durations;
    }

    /// <summary>SIGTERM, so the Lease is released for the next controller.</summary>
    public Task StopAsync() => process.StopAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        metrics.Dispose();
        await process.DisposeAsync();
    }

    private async Task<string[]> ScrapeAsync() =>
        (await metrics.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Split('\n');

    private static double Sum(IEnumerable<string> lines, string prefix) =>
        lines.Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).Sum(Value);

    private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);

    private static string Label(string line, string name)
    {
        var start = line.IndexOf($"{name}=\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return "?";
        }

        start += name.Length + 2;
        return line[start..line.IndexOf('"', start)];
    }
}
