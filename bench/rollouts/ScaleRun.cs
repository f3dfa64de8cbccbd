using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Watch;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Bench.Rollouts;

/// <summary>
/// ROLLOUTS Rollouts (0 replicas: no pods), all Healthy; then the controller's idle memory and CPU, CHANGES template
/// changes one after the other (change to canary ReplicaSet), BURST template changes at once (all at their first
/// pause), and a restart (start and cache sync, first reconcile of every Rollout).
/// </summary>
public static class ScaleRun
{
    public static async Task<int> RunAsync(int rollouts, int changes, int burst)
    {
        Console.WriteLine($"start: {MachineLoad.Now()}");
        await using var plane = await TestControlPlane.StartAsync();
        foreach (var crds in ControlPlaneFixture.CrdDirectories())
        {
            await plane.InstallCrdsAsync(crds);
        }

        using var client = new KubernetesClient(plane.AdminConfiguration, RolloutsJsonContext.Default);
        var ns = await plane.CreateNamespaceAsync("bench");
        var controller = BenchController.Start(plane, ns, "tollgate-rollouts.log");
        try
        {
            var emptyStart = await controller.WaitReadyAsync(TimeSpan.FromMinutes(2));
            Console.WriteLine($"controller ready (empty namespace) {emptyStart.TotalSeconds:F2}s after start");

            var created = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, rollouts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
                await client.CreateAsync(Make(ns, i, "myapp:v1"), cancellationToken: token));
            Console.WriteLine($"{rollouts} rollouts created in {created.Elapsed.TotalSeconds:F1}s");
            await TestControlPlane.WaitUntilAsync("all rollouts healthy", async token =>
            {
                var list = await client.ListAsync<Rollout>(ns, cancellationToken: token);
                if (list.Items.Count(r => r.Status?.Phase == "Healthy") == rollouts)
                {
                    return true;
                }

                // Each poll lists every Rollout: rarer with more of them, so the API server is not kept busy by it.
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(2, rollouts / 2000)), token);
                return false;
            }, TimeSpan.FromMinutes(30));
            Console.WriteLine($"{rollouts} rollouts created and Healthy in {created.Elapsed.TotalSeconds:F1}s ({MachineLoad.Now()})");

            var pid = ControllerProcessStats.Find("tollgate-rollouts.dll", ns) ?? throw new InvalidOperationException("controller process not found");
            await Task.Delay(TimeSpan.FromSeconds(10));
            var settle = await SettleAsync(controller);
            Console.WriteLine($"reconciles settled {settle.TotalSeconds:F0}s after the 10 s wait");
            var (idleCpu, idleReconciles) = await IdleCpuAsync(controller, pid);
            var idleMemory = ControllerProcessStats.ResidentBytes(pid);
            Console.WriteLine($"controller RSS idle with {rollouts} rollouts: {Mebibytes(idleMemory):F1} MiB ({MachineLoad.Now()})");
            Console.WriteLine($"controller CPU while idle: {idleCpu * 100:F2}% of one core (over 30s, {idleReconciles:F0} Rollout reconciles in that time)");

            var (requestsBefore, durationsBefore) = (await controller.ApiRequestsAsync(), await controller.DurationsAsync());
            var latencies = await SequentialChangesAsync(client, ns, rollouts, changes);
            PrintControllerShare(changes, requestsBefore, await controller.ApiRequestsAsync(), durationsBefore, await controller.DurationsAsync());
            var sorted = latencies.Where(l => !double.IsNaN(l)).Order().ToList();
            Console.WriteLine($"template change -> canary ReplicaSet: p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted.LastOrDefault():F1} ms ({sorted.Count}/{changes} observed; {MachineLoad.Now()})");
            Console.WriteLine($"controller RSS after {changes} changes: {Mebibytes(ControllerProcessStats.ResidentBytes(pid)):F1} MiB");

            // The same two hops with an in-process echo in place of the controller, right after, on the same machine.
            var echoNs = await plane.CreateNamespaceAsync("echo");
            using var echoClient = new KubernetesClient(plane.AdminConfiguration, RolloutsJsonContext.Default);
            await using (await EchoFloor.StartAsync(client, echoClient, echoNs, (target, i) => Make(target, i, "myapp:v1"), changes))
            {
                var floor = (await SequentialChangesAsync(client, echoNs, changes, changes)).Where(l => !double.IsNaN(l)).Order().ToList();
                Console.WriteLine($"API floor, the same change -> ReplicaSet with an in-process echo instead of the controller: p50 {Percentile(floor, 0.50):F1} ms, p99 {Percentile(floor, 0.99):F1} ms, max {floor.LastOrDefault():F1} ms ({floor.Count}/{changes} observed; {MachineLoad.Now()})");
            }

            var (sent, allPaused, reached) = await BurstAsync(client, ns, Math.Min(burst, rollouts));
            Console.WriteLine($"{Math.Min(burst, rollouts)} simultaneous template changes: all sent in {sent.TotalSeconds:F1}s, {reached} at their first pause {allPaused.TotalSeconds:F1}s after the first was sent ({MachineLoad.Now()})");
            Console.WriteLine($"controller RSS after the burst: {Mebibytes(ControllerProcessStats.ResidentBytes(pid)):F1} MiB");

            // A fresh controller over the full namespace: process start to caches synced, and to every Rollout reconciled once.
            await controller.StopAsync();
            await controller.DisposeAsync();
            controller = BenchController.Start(plane, ns, "tollgate-rollouts-restart.log");
            var ready = await controller.WaitReadyAsync(TimeSpan.FromMinutes(10));
            await TestControlPlane.WaitUntilAsync("every rollout reconciled after the restart", async token =>
            {
                if (await controller.ReconcilesAsync() >= rollouts)
                {
                    return true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), token);
                return false;
            }, TimeSpan.FromMinutes(30));
            var firstPass = Stopwatch.GetElapsedTime(controller.StartedAt);
            var restartedPid = ControllerProcessStats.Find("tollgate-rollouts.dll", ns) ?? throw new InvalidOperationException("restarted controller not found");
            Console.WriteLine($"restart with {rollouts} rollouts: caches synced (/readyz) {ready.TotalSeconds:F2}s after process start, every Rollout reconciled once after {firstPass.TotalSeconds:F1}s, RSS then {Mebibytes(ControllerProcessStats.ResidentBytes(restartedPid)):F1} MiB");
            // The list and the first pass leave garbage the collector has not handed back yet: the figure once it has settled.
            await Task.Delay(TimeSpan.FromSeconds(30));
            Console.WriteLine($"restarted controller RSS 30 s later: {Mebibytes(ControllerProcessStats.ResidentBytes(restartedPid)):F1} MiB");
            Console.WriteLine($"end: {MachineLoad.Now()}");
            return sorted.Count == changes && reached == Math.Min(burst, rollouts) ? 0 : 1;
        }
        finally
        {
            await controller.DisposeAsync();
        }
    }

    /// <summary>What the controller did for the sequential changes: reconciles and their mean duration, API requests per change and their mean latency.</summary>
    private static void PrintControllerShare(
        int changes,
        Dictionary<string, double> requestsBefore,
        Dictionary<string, double> requestsAfter,
        Dictionary<string, (double Seconds, double Count)> before,
        Dictionary<string, (double Seconds, double Count)> after)
    {
        string Mean(string key)
        {
            var (seconds, count) = (after[key].Seconds - before.GetValueOrDefault(key).Seconds, after[key].Count - before.GetValueOrDefault(key).Count);
            return count > 0 ? $"{count:F0} x {seconds / count * 1000:F1} ms" : "none";
        }

        var requests = requestsAfter
            .Select(pair => (pair.Key, Count: pair.Value - requestsBefore.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Count > 0)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key} {pair.Count / changes:F2}");
        Console.WriteLine($"controller during the {changes} changes: reconciles {Mean("reconcile")}; API requests per change: {string.Join(", ", requests)}; " +
            $"API latency {string.Join(", ", after.Keys.Where(k => k.StartsWith("api ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(k => $"{k[4..]} {Mean(k)}"))}");
    }

    private static Rollout Make(string ns, int index, string image) => new()
    {
        Metadata = new V1ObjectMeta { Name = Name(index), Namespace = ns },
        Spec = new RolloutSpec
        {
            Replicas = 0,
            Strategy = new RolloutStrategy { Canary = new CanaryStrategy { Steps = [new() { SetWeight = 50 }, new() { Pause = new RolloutPause() }] } },
            Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }] } },
        },
    };

    private static string Name(int index) => $"app-{index:D5}";

    private static KubernetesPatch ImagePatch(string image) => KubernetesPatch.Merge(new JsonObject
    {
        ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = image }) } } },
    });

    /// <summary>
    /// The kube-controller-manager writes the status of new ReplicaSets at its own pace (20 requests/s by default), and
    /// each write reconciles the owning Rollout; "idle" starts once no reconcile has happened for 5 s.
    /// </summary>
    private static async Task<TimeSpan> SettleAsync(BenchController controller)
    {
        var settling = Stopwatch.StartNew();
        var last = await controller.ReconcilesAsync();
        while (settling.Elapsed < TimeSpan.FromMinutes(20))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var now = await controller.ReconcilesAsync();
            if (now == last)
            {
                break;
            }

            last = now;
        }

        return settling.Elapsed;
    }

    private static async Task<(double Cpu, double Reconciles)> IdleCpuAsync(BenchController controller, int pid)
    {
        var reconcilesBefore = await controller.ReconcilesAsync();
        var cpuBefore = ControllerProcessStats.CpuTime(pid);
        var idle = TimeSpan.FromSeconds(30);
        await Task.Delay(idle);
        var cpu = (ControllerProcessStats.CpuTime(pid) - cpuBefore).TotalSeconds / idle.TotalSeconds;
        return (cpu, await controller.ReconcilesAsync() - reconcilesBefore);
    }

    /// <summary>One change at a time; from sending the patch to a ReplicaSet watch (opened before) delivering the new canary ReplicaSet.</summary>
    private static async Task<List<double>> SequentialChangesAsync(KubernetesClient client, string ns, int rollouts, int changes)
    {
        var awaited = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        using var stopWatching = new CancellationTokenSource();
        var rsList = await client.ListAsync<V1ReplicaSet>(ns);
        var watching = ResumingWatch.RunAsync<V1ReplicaSet>(client, ns, rsList.Metadata?.ResourceVersion, (type, replicaSet) =>
        {
            var at = Stopwatch.GetTimestamp();
            if (type == WatchEventType.Added && replicaSet.Metadata.Name is { } name && name.LastIndexOf('-') is > 0 and var dash
                && awaited.TryRemove(name[..dash], out var waiter))
            {
                waiter.TrySetResult(at);
            }
        }, stopWatching.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var latencies = new List<double>();
        for (var i = 0; i < changes; i++)
        {
            var name = Name(i * (rollouts / changes));
            var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            awaited[name] = waiter;
            var sent = Stopwatch.GetTimestamp();
            await client.PatchAsync<Rollout>(name, ns, ImagePatch("myapp:v2"));
            try
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, await waiter.Task.WaitAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                awaited.TryRemove(name, out _);
                latencies.Add(double.NaN);
            }
        }

        await stopWatching.CancelAsync();
        await watching;
        return latencies;
    }

    /// <summary>
    /// BURST template changes sent at once (100 in flight); done when a Rollout watch has shown every one of them at
    /// its first pause for the new generation (step 1 of setWeight 50, pause).
    /// </summary>
    private static async Task<(TimeSpan Sent, TimeSpan AllPaused, int Reached)> BurstAsync(KubernetesClient client, string ns, int burst)
    {
        var pending = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = 0;
        using var stopWatching = new CancellationTokenSource();
        var list = await client.ListAsync<Rollout>(ns);
        foreach (var rollout in list.Items.Where(r => int.TryParse(r.Metadata.Name![4..], out var index) && index < burst))
        {
            // Paused only once the status is that of the generation after the patch.
            pending[rollout.Metadata.Name!] = (rollout.Metadata.Generation ?? 0) + 1;
        }

        var watching = ResumingWatch.RunAsync<Rollout>(client, ns, list.Metadata?.ResourceVersion, (kind, rollout) =>
        {
            if (pending.TryGetValue(rollout.Metadata.Name ?? "", out var generation)
                && rollout.Status?.ObservedGeneration == generation.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && rollout.Status.CurrentStepIndex == 1
                && rollout.Status.PauseConditions?.Any(p => p.Reason == "CanaryPauseStep") == true
                && pending.TryRemove(rollout.Metadata.Name!, out _)
                && Interlocked.Increment(ref reached) == burst)
            {
                done.TrySetResult();
            }
        }, stopWatching.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, burst), new ParallelOptions { MaxDegreeOfParallelism = 100 }, async (i, token) =>
            await client.PatchAsync<Rollout>(Name(i), ns, ImagePatch("myapp:v3"), cancellationToken: token));
        var sent = started.Elapsed;
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromMinutes(15));
        }
        catch (TimeoutException)
        {
        }

        var allPaused = started.Elapsed;
        await stopWatching.CancelAsync();
        await watching;
        return (sent, allPaused, Volatile.Read(ref reached));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Mebibytes(long bytes) => bytes / 1024.0 / 1024.0;
}
