using System.Diagnostics;
using System.Globalization;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests.Support;

/// <summary>
/// The real tollgate-webhooks executable in self-signed mode, as `make run` starts it: its own process (so a crash is a
/// crash and its resident memory is its own), reading as the webhooks ServiceAccount, registered by the admin for every
/// namespace but the excluded ones. Disposing stops it and deletes its configuration even after a SIGKILL.
/// </summary>
public sealed class WebhookServerProcess : IAsyncDisposable
{
    private readonly TestControlPlane plane;
    private readonly string[] arguments;
    private readonly string logPath;
    private ManagedProcess process;

    private WebhookServerProcess(TestControlPlane plane, string[] arguments, string logPath, string configurationName, int port)
    {
        this.plane = plane;
        this.arguments = arguments;
        this.logPath = logPath;
        ConfigurationName = configurationName;
        BaseAddress = new Uri($"https://127.0.0.1:{port}");
        process = Launch();
    }

    public string ConfigurationName { get; }

    /// <summary>config/rbac-argocd (the cluster Secrets the webhooks read in Argo CD's namespace), moved to the test's namespace.</summary>
    public static async Task GrantClusterSecretsAsync(TestControlPlane plane, string argoCdNamespace, CancellationToken cancellationToken)
    {
        var role = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "config", "rbac-argocd", "webhooks-cluster-secrets-role.yaml"), cancellationToken))
            .Replace("namespace: argocd", $"namespace: {argoCdNamespace}", StringComparison.Ordinal);
        var result = await plane.Kubectl.RunAsync(plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: role, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new ControlPlaneException($"config/rbac-argocd could not be applied: {result}");
        }
    }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited || ServerPid() is null;

    /// <param name="excludedNamespaces">Never sent to the webhooks (the server's --exclude-namespaces).</param>
    public static async Task<WebhookServerProcess> StartAsync(
        TestControlPlane plane, string argoCdNamespace, IReadOnlyList<string> excludedNamespaces, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plane);
        var identity = await plane.ShippedIdentities.WebhooksAsync(cancellationToken);
        await GrantClusterSecretsAsync(plane, argoCdNamespace, cancellationToken);
        var configurationName = $"tollgate-reliability-{Guid.NewGuid():N}"[..36];
        var settings = Path.Combine(plane.WorkDirectory, $"{configurationName}-settings.yaml");
        await File.WriteAllTextAsync(settings, $"argocdNamespace: {argoCdNamespace}\n", cancellationToken);
        var port = FreePort.Next();
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "tollgate-webhooks.dll"), "--self-signed", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--kubeconfig", identity.KubeconfigPath, "--registration-kubeconfig", plane.AdminKubeconfigPath,
            "--configuration-name", configurationName, "--settings", settings, "--exclude-namespaces", string.Join(',', excludedNamespaces),
        ];
        var server = new WebhookServerProcess(plane, arguments, Path.Combine(plane.WorkDirectory, $"{configurationName}.log"), configurationName, port);
        await server.WaitUntilRegisteredAsync(cancellationToken);
        return server;
    }

    /// <summary>
    /// The server as in a cluster (<paramref name="grantClusterSecrets"/> false: the Role was applied before, e.g. while
    /// the API server is down): serving the certificate in <paramref name="certificateDirectory"/> (reloaded when it
    /// changes), unregistered; returns once /readyz answers, unless <paramref name="waitUntilReady"/> is false.
    /// </summary>
    public static async Task<WebhookServerProcess> StartWithCertificatesAsync(
        TestControlPlane plane, string argoCdNamespace, string certificateDirectory, CancellationToken cancellationToken, bool waitUntilReady = true, bool grantClusterSecrets = true)
    {
        ArgumentNullException.ThrowIfNull(plane);
        var identity = await plane.ShippedIdentities.WebhooksAsync(cancellationToken);
        if (grantClusterSecrets)
        {
            await GrantClusterSecretsAsync(plane, argoCdNamespace, cancellationToken);
        }

        var name = $"tollgate-reliability-{Guid.NewGuid():N}"[..36];
        var settings = Path.Combine(plane.WorkDirectory, $"{name}-settings.yaml");
        await File.WriteAllTextAsync(settings, $"argocdNamespace: {argoCdNamespace}\n", cancellationToken);
        var port = FreePort.Next();
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "tollgate-webhooks.dll"), "--cert-dir", certificateDirectory, "--port", port.ToString(CultureInfo.InvariantCulture),
            "--kubeconfig", identity.KubeconfigPath, "--settings", settings,
        ];
        var server = new WebhookServerProcess(plane, arguments, Path.Combine(plane.WorkDirectory, $"{name}.log"), name, port);
        if (!waitUntilReady)
        {
            return server;
        }

        using var http = new AdmissionHttp(server.BaseAddress, 1);
        await TestControlPlane.WaitUntilAsync(
            "tollgate-webhooks /readyz",
            async ct =>
            {
                try
                {
                    return await http.GetStringAsync("/readyz", ct) == "ok";
                }
                catch (HttpRequestException)
                {
                    return server.process.HasExited ? throw new InvalidOperationException($"tollgate-webhooks exited\n{server.Tail()}") : false;
                }
            },
            TimeSpan.FromSeconds(90),
            cancellationToken);
        return server;
    }

    /// <summary>Until the server has logged its registration since it was last (re)started.</summary>
    public async Task WaitUntilRegisteredAsync(CancellationToken cancellationToken)
    {
        var marker = $"Registered webhook configuration {ConfigurationName}";
        await TestControlPlane.WaitUntilAsync(
            $"{ConfigurationName} to register",
            _ => process.HasExited
                ? throw new InvalidOperationException($"tollgate-webhooks exited before registering\n{process.Tail(80)}")
                : Task.FromResult(LogSinceLastStart().Contains(marker, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(90),
            cancellationToken);
    }

    /// <summary>The server's resident set size (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        var pid = ServerPid() ?? throw new InvalidOperationException("tollgate-webhooks is not running");
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The processor time the server has used so far (user and system, from /proc/pid/stat, in 1/100 s).</summary>
    public TimeSpan ProcessorTime()
    {
        var pid = ServerPid() ?? throw new InvalidOperationException("tollgate-webhooks is not running");
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>SIGKILL, as a node would on OOM: no unregistering, the configuration stays and points at nothing.</summary>
    public async Task KillAsync()
    {
        if (ServerPid() is { } pid)
        {
            using var server = Process.GetProcessById(pid);
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    /// <summary>A new server on the same port and configuration name, as a Deployment's replacement pod would be.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await process.DisposeAsync();
        process = Launch();
        await WaitUntilRegisteredAsync(cancellationToken);
    }

    public string Log() => File.Exists(logPath) ? File.ReadAllText(logPath) : "";

    public string Tail(int lines = 60) => process.Tail(lines);

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        await plane.KubectlAsAdminAsync("delete", "validatingwebhookconfiguration", ConfigurationName, "--ignore-not-found");
    }

    private ManagedProcess Launch()
    {
        File.AppendAllText(logPath, StartMarker + Environment.NewLine);
        return ManagedProcess.Start(
            "tollgate-webhooks", ControlPlaneBinaries.DotnetHost, arguments, logPath, new Dictionary<string, string> { ["TOLLGATE_LOG_FORMAT"] = "text" });
    }

    private const string StartMarker = "=== (re)started by the reliability suite ===";

    private string LogSinceLastStart()
    {
        var log = Log();
        var start = log.LastIndexOf(StartMarker, StringComparison.Ordinal);
        return start < 0 ? log : log[start..];
    }

    /// <summary>The dotnet process under the watchdog shell (the watchdog's only child that is not its `sleep`).</summary>
    private int? ServerPid()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && fields[1] == process.ProcessGroup.ToString(CultureInfo.InvariantCulture)
                    && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("tollgate-webhooks.dll", StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }
}
