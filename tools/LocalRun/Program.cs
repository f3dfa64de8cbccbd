using System.Runtime.InteropServices;
using Tollgate.LocalRun;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

// `make run`: the embedded local cluster (the tests' etcd + kube-apiserver + kube-controller-manager), a Prometheus,
// and both controllers, in the foreground until Ctrl-C. `--existing-cluster` runs against $KUBECONFIG instead;
// `--run-dir DIR` keeps the state somewhere other than the checkout's .run (the demo test runs its own environment).
var existing = args.Contains("--existing-cluster");
var root = RepositoryRoot.Find();
var runDirIndex = Array.IndexOf(args, "--run-dir");
var runDir = Path.GetFullPath(runDirIndex >= 0 && runDirIndex + 1 < args.Length ? args[runDirIndex + 1] : Path.Combine(root, ".run"));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

void Say(string line) => Console.WriteLine($"[tollgate-local] {line}");

Directory.CreateDirectory(runDir);
var binaries = ControlPlaneBinaries.Locate();
var processes = new List<SupervisedProcess>();
var supervision = new List<Task>();
TestControlPlane? plane = null;
var exitCode = 0;
try
{
    string adminKubeconfig;
    if (existing)
    {
        adminKubeconfig = Environment.GetEnvironmentVariable("KUBECONFIG")
            ?? throw new ControlPlaneException("--existing-cluster needs KUBECONFIG to point at the cluster");
        Say($"using the existing cluster of {adminKubeconfig}");
    }
    else
    {
        var clusterDir = Path.Combine(runDir, "cluster");
        if (Directory.Exists(clusterDir))
        {
            Directory.Delete(clusterDir, recursive: true);
        }

        Say("starting etcd, kube-apiserver and kube-controller-manager (v1.20.2)");
        plane = await TestControlPlane.StartAsync(clusterDir, binaries, stop.Token);
        adminKubeconfig = plane.AdminKubeconfigPath;
        Say($"control plane ready at {plane.ApiServer}; server logs in {Path.Combine(clusterDir, "logs")}");
    }

    using var admin = new KubernetesClient(KubernetesClientConfiguration.BuildConfigFromConfigFile(adminKubeconfig));
    var kubectl = new Kubectl(binaries.Kubectl);
    async Task Apply(params string[] arguments)
    {
        var result = await kubectl.RunAsync(adminKubeconfig, ["apply", .. arguments], cancellationToken: stop.Token);
        if (!result.Succeeded)
        {
            throw new ControlPlaneException($"kubectl apply {string.Join(' ', arguments)} failed:\n{result.Stderr}");
        }
    }

    Say("installing CRDs, RBAC and Argo CD's allow-all default AppProject");
    await Apply("-k", Path.Combine(root, "config", "crd"));
    await TestControlPlane.WaitUntilAsync("CRDs to be established", async ct =>
        (await kubectl.RunAsync(adminKubeconfig, ["wait", "--for=condition=Established", "crd", "--all", "--timeout=2s"], cancellationToken: ct)).Succeeded,
        TimeSpan.FromSeconds(60), stop.Token);
    if (plane is null)
    {
        // The embedded cluster gets tollgate-system and config/rbac from ShippedIdentities, with the controllers' identities.
        await Apply("-f", Path.Combine(root, "config", "manager", "namespace.yaml"));
        await Apply("-k", Path.Combine(root, "config", "rbac"));
    }

    await Apply("-f", Path.Combine(root, "config", "samples", "webhooks", "argocd-namespace.yaml"));
    await Apply("-k", Path.Combine(root, "config", "rbac-argocd"));
    await Apply("-f", Path.Combine(root, "config", "samples", "webhooks", "appproject-default.yaml"));

    // Fresh logs per run: the follower prints each file from its start.
    var logs = Path.Combine(runDir, "logs");
    if (Directory.Exists(logs))
    {
        Directory.Delete(logs, recursive: true);
    }

    Directory.CreateDirectory(logs);
    var rolloutsPort = FreePort.Next();
    var prometheusPort = FreePort.Next();
    var prometheusDir = Directory.CreateDirectory(Path.Combine(runDir, "prometheus")).FullName;
    var prometheusConfig = Path.Combine(prometheusDir, "prometheus.yml");
    await File.WriteAllTextAsync(prometheusConfig, $"""
        global:
          scrape_interval: 5s
        scrape_configs:
        - job_name: tollgate-rollouts
          static_configs:
          - targets: ["127.0.0.1:{rolloutsPort}"]
        - job_name: demo
          file_sd_configs:
          - files: ["{Path.Combine(prometheusDir, "targets-*.json")}"]
            refresh_interval: 5s
        """, stop.Token);
    var prometheusUrl = $"http://127.0.0.1:{prometheusPort}";
    var demoDir = Directory.CreateDirectory(Path.Combine(runDir, "demo")).FullName;
    var demoPort = FreePort.Next();
    await File.WriteAllTextAsync(Path.Combine(demoDir, "rates"), "stable 0.0\ncanary 0.0\n", stop.Token);
    await File.WriteAllTextAsync(Path.Combine(prometheusDir, "targets-demo.json"), $$"""[{"targets": ["127.0.0.1:{{demoPort}}"]}]""", stop.Token);
    var demoMetrics = Task.Run(() => new DemoMetricsSource(demoPort, Path.Combine(demoDir, "rates")).RunAsync(stop.Token));
    processes.Add(new SupervisedProcess("prometheus", ControlPlaneBinaries.FindOnPath("prometheus") ?? "/usr/bin/prometheus",
        [$"--config.file={prometheusConfig}", $"--storage.tsdb.path={Path.Combine(prometheusDir, "data")}", $"--web.listen-address=127.0.0.1:{prometheusPort}"],
        Path.Combine(logs, "prometheus.log")));

    // Each controller runs as its own service account's identity, so config/rbac is exactly what it is allowed.
    var rolloutsKubeconfig = plane is null ? adminKubeconfig : (await plane.ShippedIdentities.RolloutsAsync(stop.Token)).KubeconfigPath;

    var dotnet = ControlPlaneBinaries.DotnetHost;
    string Dll(string project, string name) => Path.Combine(root, "src", project, "bin", "Debug", "net10.0", name);
    processes.Add(new SupervisedProcess("rollouts", dotnet,
        [Dll("Rollouts", "tollgate-rollouts.dll"), "--kubeconfig", rolloutsKubeconfig, "--bind-address", $"127.0.0.1:{rolloutsPort}", "--lease-namespace", "tollgate-system"],
        Path.Combine(logs, "rollouts.log"),
        new Dictionary<string, string> { ["PROMETHEUS_URL"] = prometheusUrl, ["TOLLGATE_LOG_FORMAT"] = "text", ["DOTNET_GCgen0size"] = "0x400000" }));

    if (!existing)
    {
        // Registering https://127.0.0.1 webhooks needs an API server on this machine; a remote cluster could not call
        // them and, with failurePolicy Fail, would refuse writes. So the webhooks run only on the embedded cluster.
        // Only the registration (a deploy step in a cluster) uses the admin; reads and Events use the webhooks' identity.
        var webhooksKubeconfig = (await plane!.ShippedIdentities.WebhooksAsync(stop.Token)).KubeconfigPath;
        processes.Add(new SupervisedProcess("webhooks", dotnet,
            [Dll("Webhooks", "tollgate-webhooks.dll"), "--self-signed", "--kubeconfig", webhooksKubeconfig, "--registration-kubeconfig", adminKubeconfig,
             "--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Path.Combine(logs, "webhooks.log"),
            new Dictionary<string, string> { ["TOLLGATE_LOG_FORMAT"] = "text" }));
    }
    else
    {
        Say("webhooks not started: an existing cluster's API server cannot call https://127.0.0.1 on this machine; deploy config/default to run them in the cluster");
    }

    var follower = Task.Run(() => new LogFollower([.. processes.Select(p => (p.Name, p.LogPath))]).RunAsync(stop.Token));
    var simulator = plane is null ? Task.CompletedTask : Task.Run(() => new PodReadinessSimulator(admin, Say).RunAsync(stop.Token));

    // Like a kubelet: a process that dies is started again, with a backoff and a line saying so.
    supervision.AddRange(processes.Select(p => p.SuperviseAsync(Say, stop.Token)));

    // A person who is not an admin, for trying the drift guard: user alice in group dev-team, allowed to edit.
    var developerKubeconfig = Path.Combine(runDir, "kubeconfig-developer");
    KubernetesClientConfiguration? developerConfiguration = null;
    if (plane is not null)
    {
        await Apply("-f", Path.Combine(root, "config", "samples", "local", "developer-binding.yaml"));
        var developer = await plane.MintUserAsync("alice", ["dev-team"], stop.Token);
        File.Copy(developer.KubeconfigPath, developerKubeconfig, overwrite: true);
        developerConfiguration = developer.Configuration;
    }

    // `Ready:` promises that everything answers, so a script may start on it: Prometheus, the rollout controller, and
    // the webhooks as the API server calls them (registered is not enough: the API server picks a configuration up a
    // moment later, and a write in that moment would pass the guard unchecked).
    await TestControlPlane.WaitUntilAsync("Prometheus to be ready", async ct =>
    {
        using var http = new HttpClient();
        return (await http.GetAsync(new Uri($"{prometheusUrl}/-/ready"), ct)).IsSuccessStatusCode;
    }, TimeSpan.FromSeconds(60), stop.Token);
    await TestControlPlane.WaitUntilAsync("the rollout controller to be ready", async ct =>
    {
        using var http = new HttpClient();
        try
        {
            return (await http.GetAsync(new Uri($"http://127.0.0.1:{rolloutsPort}/readyz"), ct)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }, TimeSpan.FromSeconds(120), stop.Token);
    if (developerConfiguration is not null)
    {
        await TestControlPlane.WaitUntilAsync(
            "the API server to call the Tollgate webhooks", ct => WebhookProbe.GuardAnswersAsync(developerConfiguration, ct), TimeSpan.FromSeconds(120), stop.Token);
    }

    var kubeconfigPath = Path.Combine(runDir, "kubeconfig");
    File.Copy(adminKubeconfig, kubeconfigPath, overwrite: true);
    await File.WriteAllTextAsync(
        Path.Combine(runDir, "env"),
        $"KUBECONFIG={kubeconfigPath}\nPROMETHEUS_URL={prometheusUrl}\nDEVELOPER_KUBECONFIG={developerKubeconfig}\nDEMO_RATES={Path.Combine(demoDir, "rates")}\n",
        stop.Token);
    // kubectl v1.20.2 (the one the tests use) and the kubectl-tollgate plugin, for `export PATH=.run/bin:$PATH`.
    var runBin = Directory.CreateDirectory(Path.Combine(runDir, "bin")).FullName;
    Link(Path.Combine(runBin, "kubectl"), binaries.Kubectl);
    Link(Path.Combine(runBin, "kubectl-tollgate"), Path.Combine(root, "tools", "KubectlPlugin", "bin", "Debug", "net10.0", "kubectl-tollgate"));

    // The one line scripts wait for, unprefixed; then what to try next.
    Console.WriteLine($"Ready: export KUBECONFIG={kubeconfigPath}");
    Say($"then try:  export PATH={runBin}:$PATH   # kubectl v1.20.2 and the kubectl-tollgate plugin");
    Say("           make demo   # the scripted five-minute tour, in another terminal");
    Say($"           kubectl --kubeconfig {developerKubeconfig} scale deployment web-app --replicas=10 -n production   # after kubectl apply -k config/samples/webhooks: refused");

    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }

    await stop.CancelAsync();
    await Task.WhenAll(
        Task.WhenAll(supervision).ContinueWith(_ => { }, TaskScheduler.Default),
        follower.ContinueWith(_ => { }, TaskScheduler.Default),
        simulator.ContinueWith(_ => { }, TaskScheduler.Default),
        demoMetrics.ContinueWith(_ => { }, TaskScheduler.Default));
}
catch (ControlPlaneException e)
{
    Say($"failed: {e.Message}");
    exitCode = 1;
}
finally
{
    Say("stopping");
    await stop.CancelAsync();
    await Task.WhenAll(supervision).ContinueWith(_ => { }, TaskScheduler.Default);
    for (var i = processes.Count - 1; i >= 0; i--)
    {
        await processes[i].DisposeAsync();
    }

    if (plane is not null)
    {
        await plane.DisposeAsync();
    }

    File.Delete(Path.Combine(runDir, "env"));
    Say("stopped; nothing left running");
}

return exitCode;

static void Link(string path, string target)
{
    File.Delete(path);
    File.CreateSymbolicLink(path, target);
}
