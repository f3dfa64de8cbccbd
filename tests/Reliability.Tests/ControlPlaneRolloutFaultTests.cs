using System.Globalization;
using System.Text.RegularExpressions;
using Tollgate.Reliability.Tests.Rollouts;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests;

/// <summary>
/// Issue 18 item 3, the rollout half: kube-apiserver, or etcd, SIGKILLed and restarted (same flags, data and port)
/// during a canary, at random moments. The controller's informers and the test's own watches must resume (re-listing
/// where their resourceVersion is gone), no event may be lost (the canary finishes at the right end state: new stable
/// at every replica, old at 0, exactly one Successful step analysis) and the canary invariants hold throughout.
/// </summary>
public sealed partial class ControlPlaneRolloutFaultTests(ControlPlaneFixture fixture) : RolloutScenario(fixture)
{
    [Theory]
    [InlineData("kube-apiserver")]
    [InlineData("etcd")]
    public async Task RestartServer_MidCanary_WatchesResumeAndCanaryCompletes(string server)
    {
        var seed = ChaosSeed.Resolve();
        var random = new Random(seed);
        var restarts = ChaosReport.Scaled(1, "TOLLGATE_CHAOS_CONTROL_PLANE_RESTARTS");
        var @namespace = await NamespaceAsync("cp-" + server.Split('-')[^1], CanaryManifests.ErrorRateTemplate(null, consecutiveErrorLimit: 4, count: 2));
        var steps = CanaryManifests.ChaosSteps(@namespace).Replace("{duration: 3s}", $"{{duration: {8 * restarts}s}}", StringComparison.Ordinal);
        var controller = Own(StartController(@namespace, "single", LeaseTiming.Shipped));
        var stable = await DeployFirstAsync(@namespace, steps, () => controller.Tail());
        await using var observer = new RolloutObserver(Client, @namespace, Limits);
        observer.Arm(stable);
        await ApplyAsync(@namespace, CanaryManifests.Rollout("web:v2", steps));
        await WaitForRolloutAsync(@namespace, "the canary under way", r => r.Status?.CurrentPodHash != stable && r.Status?.CurrentStepIndex >= 1, TimeSpan.FromMinutes(2), () => controller.Tail());

        var moments = new List<string>();
        for (var i = 0; i < restarts; i++)
        {
            var downtime = TimeSpan.FromMilliseconds(1000 + random.Next(3000));
            var before = await RolloutAsync(@namespace);
            await Plane.RestartServerAsync(server, downtime);
            moments.Add($"step {before?.Status?.CurrentStepIndex} ({before?.Status?.Phase}), down {downtime.TotalSeconds:0.0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(2000 + random.Next(4000)));
        }

        var done = await WaitForRolloutAsync(
            @namespace, "healthy on web:v2", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != stable && r.Status.StableRS == r.Status.CurrentPodHash && r.Status.AvailableReplicas == CanaryManifests.Replicas,
            TimeSpan.FromMinutes(5), () => controller.Tail());
        string[] expected = ["replicaset web:v1 replicas 0 available 0", "replicaset web:v2 replicas 4 available 4", "analysisrun web:v2 Step step 3 Successful"];
        IReadOnlyList<string> endState = [];
        await TestControlPlane.WaitUntilAsync(
            "old ReplicaSet at 0 and the step analysis Successful",
            async ct => expected.All((endState = await EndStateAsync(@namespace, ct)).Contains),
            TimeSpan.FromMinutes(2));
        var log = controller.Log();
        var failedWatches = WatchFailed().Count(log);
        var relists = Relisted().Count(log);

        ChaosReport.Append($"{server} SIGKILLed and restarted during a canary ({restarts} time(s), seed {seed})", $"""
            | what | figure |
            |---|---|
            | restarts (at) | {string.Join("; ", moments)} |
            | controller informer list/watch failures logged / re-lists logged | {failedWatches} / {relists} |
            | test watches: retries / re-lists / events | {observer.Retries} / {observer.Relists} / {observer.Events} |
            | controller exited | {controller.HasExited} |
            | end | {done.Status!.Phase}; {string.Join("; ", endState.Where(l => l.StartsWith("replicaset", StringComparison.Ordinal) || l.StartsWith("analysisrun", StringComparison.Ordinal)))} |
            | step runs / invariant violations | {observer.StepRuns.Count} / {observer.Violations.Count} |

            """);

        Assert.Empty(observer.Violations);
        Assert.False(controller.HasExited, controller.Tail());
        Assert.Single(observer.StepRuns);
        Assert.Equal(expected.Length, endState.Count(expected.Contains));
        Assert.Equal(2, endState.Count(l => l.StartsWith("replicaset", StringComparison.Ordinal)));
        Assert.Single(endState, l => l.StartsWith("analysisrun", StringComparison.Ordinal));
    }

    [GeneratedRegex("list/watch failed")]
    private static partial Regex WatchFailed();

    [GeneratedRegex("re-lists: its resourceVersion expired")]
    private static partial Regex Relisted();
}
