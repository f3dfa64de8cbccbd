using System.Globalization;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Support;

/// <summary>A real Prometheus (the Debian package) scraping a <see cref="RequestCounterEndpoint"/> every second.</summary>
public sealed class PrometheusFixture : IAsyncLifetime
{
    public const string Executable = "/usr/bin/prometheus";

    private readonly string directory = Directory.CreateTempSubdirectory("tollgate-prometheus-").FullName;
    private ManagedProcess? process;

    public RequestCounterEndpoint Endpoint { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Endpoint = new RequestCounterEndpoint(FreePort.Next());
        var port = FreePort.Next();
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
            - job_name: app
              static_configs:
              - targets: ['127.0.0.1:{Endpoint.Port}']
            """);
        process = ManagedProcess.Start(
            "prometheus",
            Executable,
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}"],
            Path.Combine(directory, "prometheus.log"));
        using var http = new HttpClient();
        try
        {
            await TestControlPlane.WaitUntilAsync(
                "prometheus ready",
                async token => (await http.GetAsync(new Uri(Address, "/-/ready"), token)).IsSuccessStatusCode,
                TimeSpan.FromSeconds(60));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"prometheus did not start: {e.Message}\n{process.Tail()}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        Endpoint.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
