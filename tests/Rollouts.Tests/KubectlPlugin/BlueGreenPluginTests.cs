using Tollgate.KubectlPlugin;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Tests.KubectlPlugin;

/// <summary>kubectl-tollgate on a blue-green Rollout: the patches kubectl-argo-rollouts sends, and get rollout.</summary>
public sealed class BlueGreenPluginTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 1, 2, 3, TimeSpan.Zero);

    [Fact]
    public void For_PromoteWhileBlueGreenPaused_ClearsThePauseConditions()
    {
        var patch = RolloutPatches.For("promote", Rollout(paused: true), false, Now);

        Assert.Null(patch.Spec);
        Assert.Equal("""{"pauseConditions":null}""", patch.Status?.ToJsonString());
    }

    [Fact]
    public void For_PromoteWithNothingPaused_SendsNoPatchAsArgo()
    {
        var patch = RolloutPatches.For("promote", Rollout(paused: false), false, Now);

        Assert.Null(patch.Spec);
        Assert.Null(patch.Status);
    }

    [Fact]
    public void For_PromoteFull_SetsPromoteFull()
    {
        var patch = RolloutPatches.For("promote", Rollout(paused: true), true, Now);

        Assert.Equal("""{"promoteFull":true}""", patch.Status?.ToJsonString());
    }

    [Fact]
    public void Render_BlueGreenPaused_ShowsActivePreviewAndScaleDownDeadline()
    {
        var rollout = Rollout(paused: true);
        V1ReplicaSet[] replicaSets =
        [
            Set("web-old", "old", 3, DateTimeOffset.Parse("2026-11-21T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "2026-11-21T01:02:33Z"),
            Set("web-stable", "stable", 3, DateTimeOffset.Parse("2026-11-21T00:30:00Z", System.Globalization.CultureInfo.InvariantCulture)),
            Set("web-new", "new", 3, DateTimeOffset.Parse("2026-11-21T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture)),
        ];

        var text = RolloutView.Render(rollout, replicaSets, []);

        Assert.Contains("Strategy:       BlueGreen", text, StringComparison.Ordinal);
        Assert.Contains("  Active:       stable", text, StringComparison.Ordinal);
        Assert.Contains("  Preview:      new", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Steps:", text, StringComparison.Ordinal);
        Assert.Matches(@"web-stable\s+stable,active\s+3", text);
        Assert.Matches(@"web-new\s+preview\s+3", text);
        Assert.Matches(@"web-old\s+old\s+3\s+3\s+3\s+3\s+2026-11-21T01:02:33Z", text);
    }

    private static Rollout Rollout(bool paused) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", Namespace = "prod" },
        Spec = new RolloutSpec { Replicas = 3, Strategy = new RolloutStrategy { BlueGreen = new BlueGreenStrategy { ActiveService = "web-active", PreviewService = "web-preview" } } },
        Status = new RolloutStatus
        {
            Phase = paused ? "Paused" : "Progressing",
            CurrentPodHash = "new",
            StableRS = "stable",
            ControllerPause = paused ? true : null,
            PauseConditions = paused ? [new PauseCondition { Reason = "BlueGreenPause", StartTime = Now }] : null,
            BlueGreen = new BlueGreenStatus { ActiveSelector = "stable", PreviewSelector = "new" },
        },
    };

    private static V1ReplicaSet Set(string name, string hash, int replicas, DateTimeOffset created, string? deadline = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            CreationTimestamp = created,
            Labels = new Dictionary<string, string> { ["rollouts-pod-template-hash"] = hash },
            Annotations = deadline is null ? null : new Dictionary<string, string> { ["argo-rollouts.argoproj.io/scale-down-deadline"] = deadline },
        },
        Spec = new V1ReplicaSetSpec { Replicas = replicas },
        Status = new V1ReplicaSetStatus { Replicas = replicas, ReadyReplicas = replicas, AvailableReplicas = replicas },
    };
}
