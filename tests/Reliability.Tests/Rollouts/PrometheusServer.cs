using System.Globalization;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// The real Prometheus (the Debian package) scraping a <see cref="RequestCounterEndpoint"/> every second; it can be
/// killed (down: the port refuses connections) and started again on the same port and data.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/prometheus";

    private readonly string directory;
    private readonly string[] arguments;
    private ManagedProcess process;

    private PrometheusServer(string directory, int port, RequestCounterEndpoint target)
    {
        this.directory = directory;
        Target = target;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        arguments = [$"--config.file={Path.Combine(directory, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}"];
        process = Launch();
    }

    public Uri Address { get; }

    public RequestCounterEndpoint Target { get; }

    public static async Task<PrometheusServer> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("tollgate-reliability-prometheus-").FullName;
        var target = new RequestCounterEndpoint(FreePort.Next());
        await File.WriteAllTextAsync(Path.Combine(directory, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
            - job_name: app
              static_configs:
              - targets: ['127.0.0.1:{target.Port}']
            """, cancellationToken);
        var server = new PrometheusServer(directory, FreePort.Next(), target);
        await server.WaitReadyAsync(cancellationToken);
        return server;
    }

    /// <summary>SIGKILL: from now on the port refuses connections.</summary>
    public Task KillAsync() => process.KillAsync();

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await process.DisposeAsync();
        process = Launch();
        await WaitReadyAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        Target.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ManagedProcess Launch() => ManagedProcess.Start("prometheus", Executable, arguments, Path.Combine(directory, "prometheus.log"));

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        try
        {
            await TestControlPlane.WaitUntilAsync(
                "prometheus ready",
                async token => process.HasExited
                    ? throw new InvalidOperationException("prometheus exited")
                    : (await http.GetAsync(new Uri(Address, "/-/ready"), token)).IsSuccessStatusCode,
                TimeSpan.FromSeconds(60),
                cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"prometheus did not start: {e.Message}\n{process.Tail()}", e);
        }
    }
}
