using System.Globalization;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Support;

/// <summary>
/// The real tollgate-rollouts executable, watching one namespace, under the same watchdog as the servers; it keeps its
/// Lease in <see cref="ShippedIdentities.Namespace"/>, the only namespace the shipped leader-election Role covers.
/// </summary>
public sealed class ControllerProcess : IAsyncDisposable
{
    private readonly ManagedProcess process;

    private ControllerProcess(ManagedProcess process, int port)
    {
        this.process = process;
        MetricsAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public Uri MetricsAddress { get; }

    public string LogPath => process.LogPath;

    public bool HasExited => process.HasExited;

    /// <param name="kubeconfig">Whom the controller runs as: the rollouts ServiceAccount's identity, as in a cluster.</param>
    /// <param name="namespace">The one namespace it watches.</param>
    /// <param name="leaseName">Controllers given the same name compete for one Lease.</param>
    public static ControllerProcess Start(string kubeconfig, string @namespace, string leaseName, Uri? prometheus, string logDirectory)
    {
        var port = FreePort.Next();
        var dll = Path.Combine(AppContext.BaseDirectory, "tollgate-rollouts.dll");
        var dotnet = ControlPlaneBinaries.DotnetHost;
        var environment = new Dictionary<string, string> { ["DOTNET_gcServer"] = "0", ["Logging__LogLevel__Default"] = "Information" };
        if (prometheus is not null)
        {
            environment["PROMETHEUS_URL"] = prometheus.ToString();
        }

        var managed = ManagedProcess.Start(
            "tollgate-rollouts",
            dotnet,
            [
                dll, "--kubeconfig", kubeconfig, "--namespace", @namespace,
                "--lease-namespace", ShippedIdentities.Namespace, "--lease-name", leaseName, "--bind-address", $"127.0.0.1:{port}",
            ],
            Path.Combine(logDirectory, $"tollgate-rollouts-{@namespace}-{Guid.NewGuid():N}.log"),
            environment);
        return new ControllerProcess(managed, port);
    }

    /// <summary>Like a crash: no graceful shutdown, the Lease is not released.</summary>
    public Task KillAsync() => process.StopAsync(TimeSpan.Zero);

    public string Tail(int lines = 60) => process.Tail(lines);

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
