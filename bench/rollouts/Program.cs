using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Bench.Rollouts;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

// 1,000 Rollouts (0 replicas: no pods), all Healthy; then 100 template changes. Reports the controller's memory, its
// CPU while idle, and the time from a template change to its canary ReplicaSet appearing in a watch.
var rollouts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var changes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
await using var plane = await TestControlPlane.StartAsync();
foreach (var crds in ControlPlaneFixture.CrdDirectories())
{
    await plane.InstallCrdsAsync(crds);
}

using var client = new KubernetesClient(plane.AdminConfiguration, RolloutsJsonContext.Default);
var ns = await plane.CreateNamespaceAsync("bench");
// BENCH_CONTROLLER_DLL measures another build of the controller (a Release or ReadyToRun publish, say).
var dll = Environment.GetEnvironmentVariable("BENCH_CONTROLLER_DLL") is { Length: > 0 } other ? other : Path.Combine(AppContext.BaseDirectory, "tollgate-rollouts.dll");
var dotnet = ControlPlaneBinaries.DotnetHost;
var metricsPort = FreePort.Next();
await using var controller = ManagedProcess.Start(
    "tollgate-rollouts",
    dotnet,
    [dll, "--kubeconfig", plane.AdminKubeconfigPath, "--namespace", ns, "--lease-namespace", ns, "--bind-address", $"127.0.0.1:{metricsPort}"],
    Path.Combine(plane.WorkDirectory, "tollgate-rollouts.log"),
    new Dictionary<string, string>
    {
        ["Logging__LogLevel__Default"] = "Warning",

        // The deployment sets the same: a 4 MiB gen0 budget instead of one sized from the CPU cache keeps RSS down.
        ["DOTNET_GCgen0size"] = Environment.GetEnvironmentVariable("BENCH_GCGEN0SIZE") is { Length: > 0 } gen0 ? gen0 : "0x400000",
    });

Rollout Make(int index, string image) => new()
{
    Metadata = new V1ObjectMeta { Name = $"app-{index:D4}", Namespace = ns },
    Spec = new RolloutSpec
    {
        Replicas = 0,
        Strategy = new RolloutStrategy { Canary = new CanaryStrategy { Steps = [new() { SetWeight = 50 }, new() { Pause = new RolloutPause() }] } },
        Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }] } },
    },
};

var created = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, rollouts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
    await client.CreateAsync(Make(i, "myapp:v1"), cancellationToken: token));
await TestControlPlane.WaitUntilAsync("all rollouts healthy", async token =>
{
    var list = await client.ListAsync<Rollout>(ns, cancellationToken: token);
    return list.Items.Count(r => r.Status?.Phase == "Healthy") == rollouts;
}, TimeSpan.FromMinutes(10));
Console.WriteLine($"{rollouts} rollouts created and Healthy in {created.Elapsed.TotalSeconds:F1}s");

var pid = ControllerProcessStats.Find("tollgate-rollouts.dll", ns) ?? throw new InvalidOperationException("controller process not found");
await Task.Delay(TimeSpan.FromSeconds(10));
using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };

// The kube-controller-manager writes the status of the new ReplicaSets at its own pace (20 requests/s by default), and
// each write reconciles the owning Rollout; "idle" starts once no reconcile has happened for 5 s (at most 3 minutes).
var settling = Stopwatch.StartNew();
var settledAt = await ReconcilesAsync();
while (settling.Elapsed < TimeSpan.FromMinutes(3))
{
    await Task.Delay(TimeSpan.FromSeconds(5));
    var now = await ReconcilesAsync();
    if (now == settledAt)
    {
        break;
    }

    settledAt = now;
}

Console.WriteLine($"reconciles settled {settling.Elapsed.TotalSeconds:F0}s after the 10 s wait");
var reconcilesBefore = await ReconcilesAsync();
var cpuBefore = ControllerProcessStats.CpuTime(pid);
var idle = TimeSpan.FromSeconds(30);
await Task.Delay(idle);
var idleCpu = (ControllerProcessStats.CpuTime(pid) - cpuBefore).TotalSeconds / idle.TotalSeconds;
var idleReconciles = await ReconcilesAsync() - reconcilesBefore;
var idleMemory = ControllerProcessStats.ResidentBytes(pid);

// A watch of ReplicaSets tells when each canary ReplicaSet exists.
var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
using var stopWatching = new CancellationTokenSource();
var rsList = await client.ListAsync<V1ReplicaSet>(ns);
var watching = Task.Run(async () =>
{
    try
    {
        await foreach (var change in client.WatchAsync<V1ReplicaSet>(ns, new ListOptions { ResourceVersion = rsList.Metadata?.ResourceVersion }, stopWatching.Token))
        {
            if (change.Object?.Metadata.Name is { } name)
            {
                seen.TryAdd(name, Stopwatch.GetTimestamp());
            }
        }
    }
    catch (OperationCanceledException)
    {
    }
});
await Task.Delay(TimeSpan.FromSeconds(1));

var latencies = new List<double>();
for (var i = 0; i < changes; i++)
{
    var name = $"app-{i * (rollouts / changes):D4}";
    var before = seen.Keys.Where(k => k.StartsWith(name + "-", StringComparison.Ordinal)).ToHashSet();
    var patch = new JsonObject { ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "myapp:v2" }) } } } };
    var sent = Stopwatch.GetTimestamp();
    await client.PatchAsync<Rollout>(name, ns, KubernetesPatch.Merge(patch));
    string? canary = null;
    var deadline = Stopwatch.StartNew();
    while (canary is null && deadline.Elapsed < TimeSpan.FromSeconds(30))
    {
        canary = seen.Keys.FirstOrDefault(k => k.StartsWith(name + "-", StringComparison.Ordinal) && !before.Contains(k));
        if (canary is null)
        {
            await Task.Delay(1);
        }
    }

    latencies.Add(canary is null ? double.NaN : Stopwatch.GetElapsedTime(sent, seen[canary]).TotalMilliseconds);
}

await stopWatching.CancelAsync();
await watching;
var peakMemory = ControllerProcessStats.ResidentBytes(pid);
var sorted = latencies.Where(l => !double.IsNaN(l)).Order().ToList();
double Percentile(double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
Console.WriteLine($"controller RSS idle with {rollouts} rollouts: {idleMemory / 1024.0 / 1024.0:F1} MiB; after {changes} changes: {peakMemory / 1024.0 / 1024.0:F1} MiB");
Console.WriteLine($"controller CPU while idle: {idleCpu * 100:F2}% of one core (over {idle.TotalSeconds:F0}s, {idleReconciles:F0} Rollout reconciles in that time)");
Console.WriteLine($"template change -> canary ReplicaSet: p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms, max {sorted.LastOrDefault():F1} ms ({sorted.Count}/{changes} observed)");
return sorted.Count == changes ? 0 : 1;

// Every Rollout reconcile the controller has counted so far (its Prometheus counter, summed over results).
async Task<double> ReconcilesAsync() =>
    (await metrics.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Split('\n')
        .Where(line => line.StartsWith("tollgate_reconcile_total{controller=\"RolloutController\"", StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
