using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Testing;
using static Tollgate.Rollouts.Tests.Support.ArgoLeftovers;

namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>
/// Tollgate taking over blue-green Rollouts from Argo Rollouts: the Rollout, its ReplicaSets (Argo's hashes), the
/// active and preview Services (Argo's selectors and annotation) and the status are written as Argo leaves them; a
/// blue-green Rollout runs at most twice spec.replicas pods (the preview beside the active).
/// </summary>
public sealed class BlueGreenTakeoverTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : TakeoverTest(fixture, prometheus)
{
    private const string ManualPromotion = "autoPromotionEnabled: false\nscaleDownDelaySeconds: 5";

    private const int MaxPods = 8;

    [Fact]
    public async Task HealthyArgoBlueGreen_TakenOver_NoPodOrServiceChangesThenNewImageGoesThroughPreviewAndPromote()
    {
        var rollout = await ArgoRolloutAsync(BlueGreenRollout(1, 1, ManualPromotion));
        await ApplyAsync(BlueGreenServices(V1Hash, V1Hash));
        await ArgoReplicaSetAsync(rollout, 1, V1Hash, 1, 4);
        var pods = await ArgoStatusAsync(BlueGreenStatus(V1Hash, V1Hash, V1Hash, V1Hash, 1, "Healthy", HealthyConditions(1, V1Hash)));
        var services = await ServiceVersionsAsync();

        var taken = await TakeOverAsync(pods);

        Assert.Equal(("Healthy", V1Hash, V1Hash), (taken.Status!.Phase, taken.Status.StableRS, taken.Status.CurrentPodHash));
        Assert.Equal((V1Hash, V1Hash), (taken.Status.BlueGreen!.ActiveSelector, taken.Status.BlueGreen.PreviewSelector));
        Assert.Null(taken.Status.PauseConditions);
        Assert.Equal(services, await ServiceVersionsAsync());
        Assert.Equal($"web-{V1Hash}", Assert.Single(await ReplicaSetsAsync()).Metadata.Name);

        await PatchSpecAsync(Name, ImageSpec(2));
        var paused = await WaitForRolloutAsync(Name, "paused for promotion on v2", r => r.Status?.Phase == "Paused" && r.Status.CurrentPodHash != V1Hash, seconds: 180);
        var newHash = paused.Status!.CurrentPodHash!;
        Assert.NotEqual(V2Hash, newHash);
        Assert.Equal("BlueGreenPause", Assert.Single(paused.Status.PauseConditions!).Reason);
        Assert.Equal((V1Hash, newHash), (paused.Status.StableRS, paused.Status.BlueGreen!.PreviewSelector));
        Assert.Equal((V1Hash, newHash), (await SelectorAsync(ActiveService), await SelectorAsync(PreviewService)));
        var preview = (await ReplicaSetsAsync()).Single(rs => Hash(rs) == newHash);
        Assert.Equal((4, "2"), (SpecReplicas(preview), preview.Metadata.Annotations!["rollout.argoproj.io/revision"]));
        Assert.Superset(pods, await PodUidsAsync());

        await PromoteAsync(Name);

        await WaitForRolloutAsync(Name, "healthy on v2", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == newHash);
        Assert.Equal(newHash, await SelectorAsync(ActiveService));
        var previous = await WaitForReplicaSetAsync(V1Hash, "Argo's ReplicaSet scaled down after its delay", rs => SpecReplicas(rs) == 0);
        Assert.NotNull(Deadline(previous));
        Assert.InRange(Pods.MaxPodsSeen, 0, MaxPods);
    }

    [Fact]
    public async Task ArgoBlueGreenJustPromoted_TakenOver_KeepsPreviousReplicaSetUntilArgosDeadlineThenScalesItDown()
    {
        var (previous, current, pods) = await JustPromotedAsync(DateTimeOffset.UtcNow.AddSeconds(40));
        var deadline = Deadline(previous)!;
        var currentPods = await PodUidsAsync(current);

        var taken = await TakeOverAsync(pods);

        var waiting = (await ReplicaSetsAsync()).Single(rs => Hash(rs) == V1Hash);
        Assert.True(DateTimeOffset.UtcNow < Parse(deadline), "Tollgate took over only after the deadline; the test proves nothing");
        Assert.Equal(("Healthy", V2Hash, V2Hash), (taken.Status!.Phase, taken.Status.StableRS, taken.Status.CurrentPodHash));
        Assert.Equal((4, deadline), (SpecReplicas(waiting), Deadline(waiting)));
        var scaledDown = await WaitForReplicaSetAsync(V1Hash, "previous ReplicaSet scaled down at Argo's deadline", rs => SpecReplicas(rs) == 0);
        Assert.True(DateTimeOffset.UtcNow >= Parse(deadline), $"scaled down before Argo's deadline {deadline}");
        Assert.Equal(deadline, Deadline(scaledDown));
        Assert.Equal(currentPods, await PodUidsAsync(current));
        Assert.Subset(pods, await PodUidsAsync());
        Assert.InRange(Pods.MaxPodsSeen, 0, MaxPods);
    }

    [Fact]
    public async Task ArgoBlueGreenPastScaleDownDeadline_TakenOver_ScalesPreviousReplicaSetDownInTheFirstReconcile()
    {
        var (previous, current, pods) = await JustPromotedAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
        var deadline = Deadline(previous)!;
        var currentPods = await PodUidsAsync(current);

        var taken = await StartTollgateAsync();

        Assert.Equal(("Healthy", V2Hash), (taken.Status!.Phase, taken.Status.StableRS));
        var scaledDown = (await ReplicaSetsAsync()).Single(rs => Hash(rs) == V1Hash);
        Assert.Equal((0, deadline), (SpecReplicas(scaledDown), Deadline(scaledDown)));
        Assert.Equal(currentPods, await PodUidsAsync(current));
        Assert.Subset(pods, await PodUidsAsync());
        Assert.InRange(Pods.MaxPodsSeen, 0, MaxPods);
    }

    [Fact]
    public async Task ArgoBlueGreenPausedBeforePromotion_TakenOver_StaysPausedThenPromoteSwitchesActiveToArgosPreview()
    {
        var rollout = await ArgoRolloutAsync(BlueGreenRollout(2, 2, ManualPromotion));
        await ApplyAsync(BlueGreenServices(V1Hash, V2Hash));
        await ArgoReplicaSetAsync(rollout, 1, V1Hash, 1, 4);
        var current = await ArgoReplicaSetAsync(rollout, 2, V2Hash, 2, 4);
        var pausedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var status = BlueGreenStatus(V2Hash, V1Hash, V1Hash, V2Hash, 2, "Paused",
            Condition("Available", true, "AvailableReason", "Rollout has minimum availability"),
            Condition("Completed", false, "RolloutCompleted", "Rollout not completed"),
            Condition("Healthy", false, "RolloutHealthy", "Rollout is not healthy"),
            Condition("Paused", true, "RolloutPaused", "Rollout is paused"),
            Condition("Progressing", true, "RolloutPaused", "Rollout is paused"));
        status["pauseConditions"] = new JsonArray(new JsonObject { ["reason"] = "BlueGreenPause", ["startTime"] = Timestamp(pausedAt) });
        status["controllerPause"] = true;
        status["message"] = "BlueGreenPause";
        var pods = await ArgoStatusAsync(status);
        var previewPods = await PodUidsAsync(current);
        var services = await ServiceVersionsAsync();

        var taken = await TakeOverAsync(pods);

        Assert.Equal(("Paused", V1Hash, V2Hash, true), (taken.Status!.Phase, taken.Status.StableRS, taken.Status.CurrentPodHash, taken.Status.ControllerPause));
        var pause = Assert.Single(taken.Status.PauseConditions!);
        Assert.Equal(("BlueGreenPause", Timestamp(pausedAt)), (pause.Reason, Timestamp(pause.StartTime!.Value)));
        Assert.Equal((V1Hash, V2Hash), (taken.Status.BlueGreen!.ActiveSelector, taken.Status.BlueGreen.PreviewSelector));
        Assert.Equal(services, await ServiceVersionsAsync());
        Assert.All(await ReplicaSetsAsync(), rs => Assert.Equal((4, (string?)null), (SpecReplicas(rs), Deadline(rs))));

        await PromoteAsync(Name);

        var promoted = await WaitForRolloutAsync(Name, "healthy on Argo's preview", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == V2Hash);
        Assert.Null(promoted.Status!.PauseConditions);
        Assert.Equal((V2Hash, V2Hash), (await SelectorAsync(ActiveService), await SelectorAsync(PreviewService)));
        var switches = (await Client.ListAsync<Corev1Event>(Namespace)).Items.Where(e => e.Reason == "SwitchService").Select(e => e.Message).ToList();
        Assert.Equal($"Switched selector for service '{ActiveService}' from '{V1Hash}' to '{V2Hash}'", Assert.Single(switches));
        var scaledDown = await WaitForReplicaSetAsync(V1Hash, "Argo's active ReplicaSet scaled down after its delay", rs => SpecReplicas(rs) == 0);
        Assert.NotNull(Deadline(scaledDown));
        Assert.Equal(2, (await ReplicaSetsAsync()).Count);
        Assert.Equal(previewPods, await PodUidsAsync(current));
        Assert.Subset(pods, await PodUidsAsync());
        Assert.InRange(Pods.MaxPodsSeen, 0, MaxPods);
    }

    [Fact]
    public async Task ArgoBlueGreenAbortedWithinAbortDelay_TakenOver_StaysAbortedAndScalesPreviewDownAtArgosDeadline()
    {
        var rollout = await ArgoRolloutAsync(BlueGreenRollout(2, 2, "autoPromotionEnabled: false"));
        await ApplyAsync(BlueGreenServices(V1Hash, V2Hash));
        var stable = await ArgoReplicaSetAsync(rollout, 1, V1Hash, 1, 4);
        var preview = await ArgoReplicaSetAsync(rollout, 2, V2Hash, 2, 4);
        var status = BlueGreenStatus(V2Hash, V1Hash, V1Hash, V2Hash, 2, "Degraded",
            Condition("Available", true, "AvailableReason", "Rollout has minimum availability"),
            Condition("Paused", false, "RolloutResumed", "Rollout is resumed"),
            Condition("Progressing", false, "RolloutAborted", "Rollout aborted update to revision 2"));
        status["abort"] = true;
        status["abortedAt"] = Timestamp(DateTimeOffset.UtcNow.AddSeconds(-10));
        status["message"] = "RolloutAborted: Rollout aborted update to revision 2";
        var pods = await ArgoStatusAsync(status);
        var deadline = Deadline(await ArgoDeadlineAsync(preview, DateTimeOffset.UtcNow.AddSeconds(60)))!;
        var stablePods = await PodUidsAsync(stable);

        var taken = await TakeOverAsync(pods);

        var waiting = (await ReplicaSetsAsync()).Single(rs => Hash(rs) == V2Hash);
        Assert.True(DateTimeOffset.UtcNow < Parse(deadline), "Tollgate took over only after the deadline; the test proves nothing");
        Assert.Equal(("Degraded", true, V1Hash, V2Hash), (taken.Status!.Phase, taken.Status.Abort, taken.Status.StableRS, taken.Status.CurrentPodHash));
        Assert.Equal((4, deadline), (SpecReplicas(waiting), Deadline(waiting)));
        Assert.Equal((V1Hash, V2Hash), (await SelectorAsync(ActiveService), await SelectorAsync(PreviewService)));
        var scaledDown = await WaitForReplicaSetAsync(V2Hash, "preview scaled down at Argo's abort deadline", rs => SpecReplicas(rs) == 0);
        Assert.True(DateTimeOffset.UtcNow >= Parse(deadline), $"scaled down before Argo's deadline {deadline}");
        Assert.Equal(deadline, Deadline(scaledDown));
        Assert.Equal(V1Hash, await SelectorAsync(ActiveService));
        Assert.Equal(stablePods, await PodUidsAsync(stable));
        Assert.Subset(pods, await PodUidsAsync());
        Assert.InRange(Pods.MaxPodsSeen, 0, MaxPods);
    }

    private static JsonObject[] HealthyConditions(int revision, string hash) =>
    [
        Condition("Available", true, "AvailableReason", "Rollout has minimum availability"),
        Condition("Completed", true, "RolloutCompleted", $"Rollout completed update to revision {revision}"),
        Condition("Healthy", true, "RolloutHealthy", "Rollout is healthy"),
        Condition("Paused", false, "RolloutResumed", "Rollout is resumed"),
        Condition("Progressing", true, "NewReplicaSetAvailable", $"ReplicaSet \"web-{hash}\" has successfully progressed."),
    ];

    /// <summary>
    /// Argo has just switched the active Service to revision 2 and marked it stable; the previous ReplicaSet keeps its
    /// pods under the scale-down-deadline Argo's addScaleDownDelay wrote.
    /// </summary>
    private async Task<(V1ReplicaSet Previous, V1ReplicaSet Current, HashSet<string> Pods)> JustPromotedAsync(DateTimeOffset deadline)
    {
        var rollout = await ArgoRolloutAsync(BlueGreenRollout(2, 2, "autoPromotionEnabled: false"));
        await ApplyAsync(BlueGreenServices(V2Hash, V2Hash));
        var previous = await ArgoReplicaSetAsync(rollout, 1, V1Hash, 1, 4);
        var current = await ArgoReplicaSetAsync(rollout, 2, V2Hash, 2, 4);
        var pods = await ArgoStatusAsync(BlueGreenStatus(V2Hash, V2Hash, V2Hash, V2Hash, 2, "Healthy", HealthyConditions(2, V2Hash)));
        return (await ArgoDeadlineAsync(previous, deadline), current, pods);
    }

    /// <summary>Argo's addScaleDownDelay: a patch of the scale-down-deadline annotation alone.</summary>
    private async Task<V1ReplicaSet> ArgoDeadlineAsync(V1ReplicaSet replicaSet, DateTimeOffset deadline)
    {
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["argo-rollouts.argoproj.io/scale-down-deadline"] = Timestamp(deadline) } } };
        return await Client.PatchAsync<V1ReplicaSet>(replicaSet.Metadata.Name!, Namespace, KubernetesPatch.Merge(patch));
    }

    private async Task<(string?, string?)> ServiceVersionsAsync() =>
        ((await Client.GetAsync<V1Service>(ActiveService, Namespace))?.Metadata.ResourceVersion,
         (await Client.GetAsync<V1Service>(PreviewService, Namespace))?.Metadata.ResourceVersion);

    private static DateTimeOffset Parse(string timestamp) => DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture);
}
