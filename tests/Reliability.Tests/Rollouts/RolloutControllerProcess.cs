using System.Globalization;
using System.Text.RegularExpressions;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// The real tollgate-rollouts executable watching one namespace, with leader election on (as shipped) and the Lease
/// timing given, under the watchdog of <see cref="ManagedProcess"/>. <see cref="KillAsync"/> is a true SIGKILL to the
/// dotnet process (no SIGTERM, no Lease release); <see cref="Suspend"/> and <see cref="Resume"/> freeze and thaw it as a
/// stalled node or a long GC pause would.
/// </summary>
public sealed partial class RolloutControllerProcess : IAsyncDisposable
{
    private const string Dll = "tollgate-rollouts.dll";
    private readonly ManagedProcess process;

    private RolloutControllerProcess(ManagedProcess process, string name, int port)
    {
        this.process = process;
        Name = name;
        MetricsAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public string Name { get; }

    public Uri MetricsAddress { get; }

    public string LogPath => process.LogPath;

    /// <summary>The watchdog is gone, which it is within a second of the server exiting (just after the start the server may not be forked yet).</summary>
    public bool HasExited => process.HasExited;

    /// <summary>The Lease identity this process logged when it became leader, or null while it has not led.</summary>
    public string? LeaderIdentity => BecameLeader().Match(Log()) is { Success: true } match ? match.Groups["identity"].Value : null;

    public static RolloutControllerProcess Start(
        string name, KubeUser identity, string @namespace, string leaseName, LeaseTiming timing, Uri? prometheus, string logDirectory)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(timing);
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_gcServer"] = "0",
            ["Logging__LogLevel__Default"] = "Information",
            ["TOLLGATE_LOG_FORMAT"] = "text",
        };
        if (prometheus is not null)
        {
            environment["PROMETHEUS_URL"] = prometheus.ToString();
        }

        var managed = ManagedProcess.Start(
            "tollgate-rollouts",
            ControlPlaneBinaries.DotnetHost,
            [
                Path.Combine(AppContext.BaseDirectory, Dll), "--kubeconfig", identity.KubeconfigPath, "--namespace", @namespace,
                "--lease-namespace", ShippedIdentities.Namespace, "--lease-name", leaseName, "--bind-address", $"127.0.0.1:{port}",
                "--leader-election-lease-duration", timing.LeaseDuration, "--leader-election-renew-deadline", timing.RenewDeadline,
                "--leader-election-retry-period", timing.RetryPeriod,
            ],
            Path.Combine(logDirectory, $"tollgate-rollouts-{@namespace}-{name}.log"),
            environment);
        return new RolloutControllerProcess(managed, name, port);
    }

    /// <summary>SIGKILL to the dotnet process, as the OOM killer or a node loss would; returns once it and its watchdog are gone.</summary>
    public async Task KillAsync()
    {
        if (Pid() is { } pid)
        {
            _ = Signal(pid, SigKill);
        }

        await process.StopAsync(TimeSpan.FromSeconds(5));
    }

    public void Suspend() => SignalServer(SigStop);

    public void Resume() => SignalServer(SigCont);

    public string Log()
    {
        try
        {
            return File.ReadAllText(process.LogPath);
        }
        catch (IOException)
        {
            return "";
        }
    }

    public string Tail(int lines = 60) => process.Tail(lines);

    public async ValueTask DisposeAsync()
    {
        SignalServer(SigCont);
        await process.DisposeAsync();
    }

    private void SignalServer(int signal)
    {
        if (Pid() is { } pid)
        {
            _ = Signal(pid, signal);
        }
    }

    private int? Pid() => ProcessTree.FindInGroup(process.ProcessGroup, Dll);

    [GeneratedRegex(@"(?<identity>\S+) became leader on Lease")]
    private static partial Regex BecameLeader();

    private const int SigKill = 9;
    private const int SigCont = 18;
    private const int SigStop = 19;

    private static bool Signal(int pid, int signal) => ManagedProcess.Signal(pid, signal);
}
