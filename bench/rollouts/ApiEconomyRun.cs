using System.Diagnostics;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Bench.Rollouts;

/// <summary>
/// The controller's API requests (its own tollgate_kube_api_requests_total, by verb and resource) for one canary of the
/// seed's shape (/work/shared/seed/rollout.yaml: 10 replicas, setWeight 10/30/50/100 with a pause between, the pauses
/// shortened to 2 s), and per reconcile that changes nothing.
/// </summary>
public static class ApiEconomyRun
{
    private const int NoOpReconciles = 20;

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"start: {MachineLoad.Now()}");
        await using var plane = await TestControlPlane.StartAsync();
        foreach (var crds in ControlPlaneFixture.CrdDirectories())
        {
            await plane.InstallCrdsAsync(crds);
        }

        using var client = new KubernetesClient(plane.AdminConfiguration, RolloutsJsonContext.Default);
        var ns = await plane.CreateNamespaceAsync("api");
        await using var controller = BenchController.Start(plane, ns, "tollgate-rollouts.log");
        await controller.WaitReadyAsync(TimeSpan.FromMinutes(2));
        await using var pods = new PodReadiness(client, ns);

        var start = await SnapshotAsync(controller);
        await client.CreateAsync(SeedShape(ns, "myapp:v1.0"));
        var first = await WaitCompletedAsync(client, ns, null);
        var created = await SnapshotAsync(controller);
        Report("create -> Healthy (10 pods ready)", start, created);

        var clock = Stopwatch.StartNew();
        await client.PatchAsync<Rollout>("web-app", ns, KubernetesPatch.Merge(new JsonObject
        {
            ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "myapp:v2.0" }) } } },
        }));
        await WaitCompletedAsync(client, ns, first);
        var completed = await SnapshotAsync(controller);
        Report($"one completed canary (template change -> Healthy on the new ReplicaSet, {clock.Elapsed.TotalSeconds:F0}s)", created, completed);

        // Reconciles of an unchanged Rollout: an annotation nobody reads, set NoOpReconciles times.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var quiet = await SnapshotAsync(controller);
        for (var i = 0; i < NoOpReconciles; i++)
        {
            var before = await controller.ReconcilesAsync();
            await client.PatchAsync<Rollout>("web-app", ns, KubernetesPatch.Merge(new JsonObject
            {
                ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["bench.tollgate.dev/poke"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
            }));
            await TestControlPlane.WaitUntilAsync("the poke reconciled", async _ => await controller.ReconcilesAsync() > before, TimeSpan.FromSeconds(30));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var poked = await SnapshotAsync(controller);
        Report($"{poked.Reconciles - quiet.Reconciles:F0} reconciles of an unchanged Rollout", quiet, poked);
        Console.WriteLine($"end: {MachineLoad.Now()}");
        return 0;
    }

    private static Rollout SeedShape(string ns, string image) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-app", Namespace = ns },
        Spec = new RolloutSpec
        {
            Replicas = 10,
            Strategy = new RolloutStrategy
            {
                Canary = new CanaryStrategy
                {
                    Steps =
                    [
                        new() { SetWeight = 10 }, new() { Pause = new RolloutPause { Duration = "2s" } },
                        new() { SetWeight = 30 }, new() { Pause = new RolloutPause { Duration = "2s" } },
                        new() { SetWeight = 50 }, new() { Pause = new RolloutPause { Duration = "2s" } },
                        new() { SetWeight = 100 },
                    ],
                },
            },
            Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }] } },
        },
    };

    /// <summary>Healthy on a stable ReplicaSet other than <paramref name="previous"/>, with 10 available replicas.</summary>
    private static async Task<string> WaitCompletedAsync(KubernetesClient client, string ns, string? previous)
    {
        string? stable = null;
        await TestControlPlane.WaitUntilAsync("the rollout Healthy on its new ReplicaSet", async token =>
        {
            var rollout = await client.GetAsync<Rollout>("web-app", ns, token);
            var status = rollout?.Status;
            if (status is { Phase: "Healthy", AvailableReplicas: 10 } && status.StableRS is { } rs && rs != previous && status.CurrentPodHash == rs
                && status.ObservedGeneration == rollout!.Metadata.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                stable = rs;
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), token);
            return false;
        }, TimeSpan.FromMinutes(5));
        return stable!;
    }

    private static async Task<Snapshot> SnapshotAsync(BenchController controller) =>
        new(await controller.ApiRequestsAsync(), await controller.ReconcilesAsync());

    private static void Report(string what, Snapshot before, Snapshot after)
    {
        var reconciles = after.Reconciles - before.Reconciles;
        var deltas = after.Requests
            .Select(r => (r.Key, Count: r.Value - before.Requests.GetValueOrDefault(r.Key)))
            .Where(r => r.Count > 0)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        // The Lease renewals of leader election go on whatever the Rollouts do; shown apart.
        var work = deltas.Where(d => !d.Key.EndsWith(" leases", StringComparison.Ordinal)).ToList();
        var writes = work.Where(d => !d.Key.StartsWith("GET ", StringComparison.Ordinal) && !d.Key.StartsWith("LIST ", StringComparison.Ordinal) && !d.Key.StartsWith("WATCH ", StringComparison.Ordinal)).Sum(d => d.Count);
        Console.WriteLine($"{what}: {reconciles:F0} reconciles, {work.Sum(d => d.Count):F0} requests ({writes:F0} writes): {string.Join(", ", work.Select(d => $"{d.Key} {d.Count:F0}"))}; leader election: {string.Join(", ", deltas.Except(work).Select(d => $"{d.Key} {d.Count:F0}"))}");
    }

    private sealed record Snapshot(Dictionary<string, double> Requests, double Reconciles);
}
