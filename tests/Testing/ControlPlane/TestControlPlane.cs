using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Yaml;

namespace Tollgate.Testing.ControlPlane;

/// <summary>
/// A real Kubernetes control plane for tests, like controller-runtime's envtest: etcd, kube-apiserver (RBAC on) and
/// kube-controller-manager on free loopback ports with a generated PKI. Or, with TOLLGATE_USE_EXISTING_CLUSTER=true,
/// the cluster KUBECONFIG points at.
/// </summary>
public sealed class TestControlPlane : IAsyncDisposable
{
    public const string UseExistingClusterVariable = "TOLLGATE_USE_EXISTING_CLUSTER";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<ManagedProcess> processes = [];
    private readonly Dictionary<string, (string Executable, IReadOnlyList<string> Arguments, string Logs)> launches = new(StringComparer.Ordinal);
    private readonly string workDirectory;
    private readonly bool ownsWorkDirectory;
    private CertificateAuthority? clientCa;
    private IKubernetesClient? admin;

    private TestControlPlane(string workDirectory, bool ownsWorkDirectory, Kubectl kubectl)
    {
        this.workDirectory = workDirectory;
        this.ownsWorkDirectory = ownsWorkDirectory;
        Kubectl = kubectl;
        ShippedIdentities = new ShippedIdentities(this);
    }

    public bool IsExistingCluster { get; private set; }

    public string AdminKubeconfigPath { get; private set; } = "";

    public KubernetesClientConfiguration AdminConfiguration { get; private set; } = null!;

    public IKubernetesClient AdminClient => admin ?? throw new InvalidOperationException("the control plane is not started");

    public Kubectl Kubectl { get; }

    /// <summary>The controllers' ServiceAccount identities under the repository's config/rbac (applied on first use).</summary>
    public ShippedIdentities ShippedIdentities { get; }

    public Uri ApiServer => AdminConfiguration.Host;

    /// <summary>The CA that signs the API server's serving certificate and client certificates (own control plane only).</summary>
    public string? CaCertificatePem => clientCa?.CertificatePem;

    public string WorkDirectory => workDirectory;

    public IReadOnlyList<ManagedProcess> Processes => processes;

    /// <summary>
    /// The API server's audit log (own control plane only): every write (create, update, patch, delete) by a user of
    /// the tollgate-system ServiceAccounts' group, at Metadata level, one JSON event per line, written before the
    /// response is sent.
    /// </summary>
    public string? AuditLogPath { get; private set; }

    /// <summary>
    /// Stops one of the servers ("etcd", "kube-apiserver", "kube-controller-manager") with SIGKILL, as a node crash or
    /// an OOM kill would, leaves it down for <paramref name="downtime"/>, starts it again with the same flags, data and
    /// ports, and returns once the API server answers /readyz again.
    /// </summary>
    public async Task RestartServerAsync(string name, TimeSpan downtime, CancellationToken cancellationToken = default)
    {
        await KillServerAsync(name);
        await Task.Delay(downtime, cancellationToken);
        await StartServerAsync(name, cancellationToken);
    }

    /// <summary>SIGKILL to one of the servers; it stays down until <see cref="StartServerAsync"/>.</summary>
    public async Task KillServerAsync(string name)
    {
        var index = ServerIndex(name);
        await processes[index].KillAsync();
    }

    /// <summary>Starts a server stopped by <see cref="KillServerAsync"/> again, as before; returns once the API server is ready.</summary>
    public async Task StartServerAsync(string name, CancellationToken cancellationToken = default)
    {
        var index = ServerIndex(name);
        var launch = launches[name];
        await processes[index].DisposeAsync();
        processes[index] = ManagedProcess.Start(name, launch.Executable, launch.Arguments, Path.Combine(launch.Logs, name + ".log"));
        var apiserver = processes.First(p => p.Name == "kube-apiserver");
        await WaitForServerAsync($"{name} back, kube-apiserver /readyz", [processes[index], apiserver], async ct => (await AdminClient.GetRawAsync("/readyz", ct)) == "ok", cancellationToken);
    }

    private int ServerIndex(string name)
    {
        var index = processes.FindIndex(p => p.Name == name);
        return index >= 0 && launches.ContainsKey(name) ? index : throw new ControlPlaneException($"no server {name} in this control plane");
    }

    /// <summary>Starts a new control plane, or connects to an existing cluster when TOLLGATE_USE_EXISTING_CLUSTER=true.</summary>
    public static async Task<TestControlPlane> StartAsync(
        string? workDirectory = null, ControlPlaneBinaries? binaries = null, CancellationToken cancellationToken = default)
    {
        binaries ??= ControlPlaneBinaries.Locate();
        if (string.Equals(Environment.GetEnvironmentVariable(UseExistingClusterVariable), "true", StringComparison.OrdinalIgnoreCase))
        {
            return await ConnectExistingAsync(binaries, cancellationToken);
        }

        var owns = workDirectory is null;
        var dir = workDirectory ?? Directory.CreateTempSubdirectory("tollgate-cp-").FullName;
        Directory.CreateDirectory(dir);
        var plane = new TestControlPlane(dir, owns, new Kubectl(binaries.Kubectl));
        try
        {
            await plane.StartOwnAsync(binaries, cancellationToken);
            return plane;
        }
        catch
        {
            await plane.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A kubeconfig and client for any user name and groups (client certificate CN=user, O=group...). On an existing
    /// cluster the certificate is issued through the CertificateSigningRequest API.
    /// </summary>
    public async Task<KubeUser> MintUserAsync(string user, IReadOnlyList<string> groups, CancellationToken cancellationToken = default)
    {
        var certificate = clientCa is not null
            ? clientCa.IssueClient(user, groups)
            : await new CsrUserIssuer(AdminClient).IssueAsync(user, groups, cancellationToken);
        var caPem = clientCa?.CertificatePem ?? ExistingCaPem();
        var safe = string.Concat(user.Select(c => char.IsLetterOrDigit(c) ? c : '_'));
        var path = Path.Combine(workDirectory, $"kubeconfig-{safe}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
        await File.WriteAllTextAsync(path, KubeconfigWriter.ForClientCertificate(ApiServer, caPem, certificate, user), cancellationToken);
        return new KubeUser(user, groups, path, KubernetesClientConfiguration.BuildConfigFromConfigFile(path));
    }

    /// <summary>
    /// Creates a uniquely named namespace labelled with kubernetes.io/metadata.name (1.20 does not set it itself).
    /// </summary>
    public async Task<string> CreateNamespaceAsync(string prefix, IDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
        var all = new Dictionary<string, string>(labels ?? new Dictionary<string, string>()) { ["kubernetes.io/metadata.name"] = name };
        await AdminClient.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name, Labels = all } }, cancellationToken: cancellationToken);
        return name;
    }

    public Task DeleteNamespaceAsync(string name, CancellationToken cancellationToken = default) =>
        AdminClient.DeleteAsync<V1Namespace>(name, options: DeleteOptions.Background, cancellationToken: cancellationToken);

    /// <summary>Applies every CRD manifest in <paramref name="directory"/> and waits until each is Established.</summary>
    public async Task InstallCrdsAsync(string directory, CancellationToken cancellationToken = default)
    {
        var crds = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => YamlJson.ParseDocuments(File.ReadAllText(file)))
            .Where(doc => doc["kind"]?.GetValue<string>() == "CustomResourceDefinition")
            .ToList();
        var resource = AdminClient.Resource(V1CustomResourceDefinition.Resource);
        foreach (var crd in crds)
        {
            var name = crd["metadata"]!["name"]!.GetValue<string>();
            await resource.PatchAsync(
                name, null, KubernetesPatch.Apply(crd), new WriteOptions { FieldManager = "tollgate-tests", Force = true }, cancellationToken);
        }

        foreach (var crd in crds)
        {
            var name = crd["metadata"]!["name"]!.GetValue<string>();
            await WaitUntilAsync(
                $"CRD {name} to be Established",
                async ct =>
                {
                    var current = await AdminClient.GetAsync<V1CustomResourceDefinition>(name, cancellationToken: ct);
                    return current?.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true;
                },
                TimeSpan.FromSeconds(30),
                cancellationToken);
        }
    }

    public Task<KubectlResult> KubectlAsync(KubeUser user, params string[] arguments) =>
        Kubectl.RunAsync(user.KubeconfigPath, arguments);

    public Task<KubectlResult> KubectlAsAdminAsync(params string[] arguments) =>
        Kubectl.RunAsync(AdminKubeconfigPath, arguments);

    public async ValueTask DisposeAsync()
    {
        admin?.Dispose();
        admin = null;
        for (var i = processes.Count - 1; i >= 0; i--)
        {
            await processes[i].DisposeAsync();
        }

        processes.Clear();
        clientCa?.Dispose();
        for (var attempt = 0; ownsWorkDirectory && Directory.Exists(workDirectory) && attempt < 5; attempt++)
        {
            try
            {
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (IOException) when (attempt < 4)
            {
                // A server's last write can race the delete; every process is gone by now, so try again.
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> on timeout.</summary>
    public static async Task WaitUntilAsync(string what, Func<CancellationToken, Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        Exception? last = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                if (await condition(deadline.Token))
                {
                    return;
                }
            }
            catch (Exception e) when (e is KubernetesException or HttpRequestException or IOException)
            {
                last = e;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new TimeoutException($"timed out after {timeout.TotalSeconds:0}s waiting for {what}" + (last is null ? "" : $"; last error: {last.Message}"));
    }

    private static async Task<TestControlPlane> ConnectExistingAsync(ControlPlaneBinaries binaries, CancellationToken cancellationToken)
    {
        var kubeconfig = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (string.IsNullOrEmpty(kubeconfig))
        {
            throw new ControlPlaneException($"{UseExistingClusterVariable}=true needs KUBECONFIG to point at the cluster");
        }

        var plane = new TestControlPlane(Directory.CreateTempSubdirectory("tollgate-existing-").FullName, true, new Kubectl(binaries.Kubectl))
        {
            IsExistingCluster = true,
            AdminKubeconfigPath = kubeconfig.Split(':')[0],
            AdminConfiguration = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig),
        };
        plane.admin = new KubernetesClient(plane.AdminConfiguration);
        await plane.AdminClient.GetRawAsync("/readyz", cancellationToken);
        return plane;
    }

    private string ExistingCaPem()
    {
        var builder = new System.Text.StringBuilder();
        foreach (var certificate in AdminConfiguration.CaCertificates)
        {
            builder.Append(certificate.ExportCertificatePem()).Append('\n');
        }

        return builder.ToString();
    }

    private async Task StartOwnAsync(ControlPlaneBinaries binaries, CancellationToken cancellationToken)
    {
        var pki = Directory.CreateDirectory(Path.Combine(workDirectory, "pki")).FullName;
        clientCa = CertificateAuthority.Create("tollgate-test-ca");
        var serving = clientCa.IssueServer(
            "kube-apiserver",
            ["localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"],
            [IPAddress.Loopback, IPAddress.Parse("10.0.0.1")]);
        using var serviceAccountKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var files = new Dictionary<string, string>
        {
            ["ca.crt"] = clientCa.CertificatePem,
            ["ca.key"] = clientCa.KeyPem,
            ["apiserver.crt"] = serving.CertificatePem,
            ["apiserver.key"] = serving.KeyPem,
            ["sa.key"] = serviceAccountKey.ExportECPrivateKeyPem(),
            ["sa.pub"] = serviceAccountKey.ExportSubjectPublicKeyInfoPem(),
        };
        foreach (var (name, content) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(pki, name), content, cancellationToken);
        }

        var etcdPort = FreePort.Next();
        var etcdPeerPort = FreePort.Next();
        var apiPort = FreePort.Next();
        var logs = Directory.CreateDirectory(Path.Combine(workDirectory, "logs")).FullName;
        var auditPolicy = Path.Combine(pki, "audit-policy.yaml");
        await File.WriteAllTextAsync(auditPolicy, $"""
            apiVersion: audit.k8s.io/v1
            kind: Policy
            omitStages: [RequestReceived]
            rules:
            - level: Metadata
              userGroups: ["{ShippedIdentities.ServiceAccountGroups[1]}"]
              verbs: [create, update, patch, delete, deletecollection]
            - level: None
            """, cancellationToken);
        AuditLogPath = Path.Combine(logs, "audit.log");

        var etcd = Start("etcd", binaries.Etcd, logs,
        [
            "--name=tollgate",
            $"--data-dir={Path.Combine(workDirectory, "etcd")}",
            $"--listen-client-urls=http://127.0.0.1:{etcdPort}",
            $"--advertise-client-urls=http://127.0.0.1:{etcdPort}",
            $"--listen-peer-urls=http://127.0.0.1:{etcdPeerPort}",
            $"--initial-advertise-peer-urls=http://127.0.0.1:{etcdPeerPort}",
            $"--initial-cluster=tollgate=http://127.0.0.1:{etcdPeerPort}",
            "--unsafe-no-fsync",
            "--log-level=warn",
        ]);

        var apiserver = Start("kube-apiserver", binaries.KubeApiServer, logs,
        [
            $"--etcd-servers=http://127.0.0.1:{etcdPort}",
            "--bind-address=127.0.0.1",
            "--advertise-address=127.0.0.1",
            $"--secure-port={apiPort}",
            "--insecure-port=0",
            $"--cert-dir={pki}",
            $"--tls-cert-file={Path.Combine(pki, "apiserver.crt")}",
            $"--tls-private-key-file={Path.Combine(pki, "apiserver.key")}",
            $"--client-ca-file={Path.Combine(pki, "ca.crt")}",
            "--authorization-mode=RBAC",
            $"--service-account-key-file={Path.Combine(pki, "sa.pub")}",
            $"--service-account-signing-key-file={Path.Combine(pki, "sa.key")}",
            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
            "--api-audiences=https://kubernetes.default.svc.cluster.local",
            "--service-cluster-ip-range=10.0.0.0/24",
            // No kubelet runs pods here, and pods are created before the service-account controller has made the
            // namespace's default account; the plugin would only refuse them.
            "--disable-admission-plugins=ServiceAccount",
            "--allow-privileged=true",
            "--profiling=false",
            "--enable-priority-and-fairness=false",
            // PodTemplates (unused otherwise; custom resources always have a watch cache) are watched straight from
            // etcd, which is compacted often, so a test can make a resourceVersion expire and see the real 410 Gone
            // path; every other kind keeps the watch cache.
            "--watch-cache-sizes=podtemplates#0",
            "--etcd-compaction-interval=5s",
            $"--audit-policy-file={auditPolicy}",
            $"--audit-log-path={AuditLogPath}",
            "--v=1",
        ]);

        AdminKubeconfigPath = Path.Combine(workDirectory, "admin.kubeconfig");
        var adminCertificate = clientCa.IssueClient("tollgate-admin", ["system:masters"]);
        var apiUri = new Uri($"https://127.0.0.1:{apiPort}");
        await File.WriteAllTextAsync(AdminKubeconfigPath, KubeconfigWriter.ForClientCertificate(apiUri, clientCa.CertificatePem, adminCertificate, "tollgate-admin"), cancellationToken);
        AdminConfiguration = KubernetesClientConfiguration.BuildConfigFromConfigFile(AdminKubeconfigPath);
        admin = new KubernetesClient(AdminConfiguration);

        await WaitForServerAsync("kube-apiserver /readyz", [etcd, apiserver], async ct => (await AdminClient.GetRawAsync("/readyz", ct)) == "ok", cancellationToken);

        var controllerManagerKubeconfig = Path.Combine(workDirectory, "controller-manager.kubeconfig");
        await File.WriteAllTextAsync(
            controllerManagerKubeconfig,
            KubeconfigWriter.ForClientCertificate(apiUri, clientCa.CertificatePem, clientCa.IssueClient("system:kube-controller-manager", []), "system:kube-controller-manager"),
            cancellationToken);
        var controllerManager = Start("kube-controller-manager", binaries.KubeControllerManager, logs,
        [
            $"--kubeconfig={controllerManagerKubeconfig}",
            $"--authentication-kubeconfig={controllerManagerKubeconfig}",
            $"--authorization-kubeconfig={controllerManagerKubeconfig}",
            "--use-service-account-credentials=true",
            $"--service-account-private-key-file={Path.Combine(pki, "sa.key")}",
            $"--root-ca-file={Path.Combine(pki, "ca.crt")}",
            $"--cluster-signing-cert-file={Path.Combine(pki, "ca.crt")}",
            $"--cluster-signing-key-file={Path.Combine(pki, "ca.key")}",
            "--leader-elect=false",
            "--port=0",
            "--secure-port=0",
            "--controllers=*,-nodeipam,-nodelifecycle,-cloud-node-lifecycle,-service,-route,-attachdetach,-persistentvolume-binder,-persistentvolume-expander,-pvc-protection,-pv-protection,-ttl",
            "--v=1",
        ]);

        // The built-in admin/edit/view roles are filled by kube-controller-manager's aggregation controller; until then
        // they grant nothing, so tests that bind them would fail for the wrong reason.
        await WaitForServerAsync(
            "kube-controller-manager (aggregated ClusterRole admin)",
            [controllerManager, apiserver],
            async ct => (await AdminClient.GetAsync<V1ClusterRole>("admin", cancellationToken: ct))?.Rules?.Count > 0,
            cancellationToken);

        await AdminClient.PatchAsync<V1Namespace>(
            "kube-system", null,
            KubernetesPatch.Merge(new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = "kube-system" } } }),
            cancellationToken: cancellationToken);
    }

    private ManagedProcess Start(string name, string executable, string logs, IReadOnlyList<string> arguments)
    {
        var process = ManagedProcess.Start(name, executable, arguments, Path.Combine(logs, name + ".log"));
        processes.Add(process);
        launches[name] = (executable, arguments, logs);
        return process;
    }

    private static async Task WaitForServerAsync(
        string what, IReadOnlyList<ManagedProcess> servers, Func<CancellationToken, Task<bool>> ready, CancellationToken cancellationToken)
    {
        try
        {
            await WaitUntilAsync(
                what,
                async ct =>
                {
                    if (servers.FirstOrDefault(s => s.HasExited) is { } dead)
                    {
                        throw new ControlPlaneException($"{dead.Name} exited while waiting for {what}");
                    }

                    return await ready(ct);
                },
                StartTimeout,
                cancellationToken);
        }
        catch (Exception e) when (e is ControlPlaneException or TimeoutException)
        {
            var tails = string.Join(Environment.NewLine, servers.Select(s => s.Tail()));
            throw new ControlPlaneException($"{e.Message}{Environment.NewLine}{tails}", e);
        }
    }
}
