using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Rollouts.Strategy;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>The blue-green strategy on the real control plane: Services, pause and promote, the scale-down delay, analyses.</summary>
public sealed class BlueGreenRolloutTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    private const string Active = "web-active";
    private const string Preview = "web-preview";

    private static string Rollout(string image, string fields, int replicas = 3) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web-app
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: web-app}
          strategy:
            blueGreen:
              activeService: {{Active}}
              previewService: {{Preview}}
        {{string.Join("\n", fields.Split('\n').Select(line => "      " + line))}}
          template:
            metadata:
              labels: {app: web-app}
            spec:
              containers:
              - name: web
                image: {{image}}
        """;

    private static string Services() => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{Active}}
          labels: {team: shop}
        spec:
          selector: {app: web-app}
          ports:
          - port: 80
            targetPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {{Preview}}
        spec:
          selector: {app: web-app}
          ports:
          - port: 80
            targetPort: 8080
        """;

    private async Task<string> DeployAsync(string fields, int replicas = 3)
    {
        await ApplyAsync(Services());
        await ApplyAsync(Rollout("myapp:v1", fields, replicas));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.BlueGreen?.ActiveSelector == r.Status.StableRS);
        return first.Status!.StableRS!;
    }

    private async Task<V1ReplicaSet> ReplicaSetAsync(string hash) => (await ReplicaSetsAsync()).Single(rs => Hash(rs) == hash);

    [Fact]
    public async Task FirstDeploy_PointsBothServicesAtTheOnlyReplicaSetAndChangesNothingElse()
    {
        var hash = await DeployAsync("autoPromotionEnabled: false");

        var rollout = (await GetRolloutAsync("web-app"))!;
        Assert.Equal(hash, rollout.Status!.BlueGreen!.PreviewSelector);
        Assert.Equal(hash, await SelectorAsync(Active));
        Assert.Equal(hash, await SelectorAsync(Preview));
        var active = (await Client.GetAsync<V1Service>(Active, Namespace))!;
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web-app", ["rollouts-pod-template-hash"] = hash }, active.Spec!.Selector);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "shop" }, active.Metadata.Labels);
        Assert.True(active.Metadata.Annotations is null || !active.Metadata.Annotations.Keys.Any(k => k.Contains("argoproj", StringComparison.Ordinal)));
        Assert.Null(rollout.Status.PauseConditions);
        Assert.Equal($"app=web-app,rollouts-pod-template-hash={hash}", rollout.Status.Selector);
        Assert.Equal(3, rollout.Status.HpaReplicas);
        Assert.Contains(rollout.Status.Conditions!, c => c.Type == "Available" && c.Status == "True");
        Assert.Null(rollout.Status.Canary);
    }

    [Fact]
    public async Task Update_ManualPromotion_PreviewsPausesSwitchesOnPromoteAndScalesDownAfterTheDelay()
    {
        var oldHash = await DeployAsync("autoPromotionEnabled: false\nscaleDownDelaySeconds: 20");

        await ApplyAsync(Rollout("myapp:v2", "autoPromotionEnabled: false\nscaleDownDelaySeconds: 20"));

        var paused = await WaitForRolloutAsync("web-app", "paused for promotion", r => r.Status?.Phase == "Paused", seconds: 180);
        var newHash = paused.Status!.CurrentPodHash!;
        Assert.Contains(paused.Status.PauseConditions!, c => c.Reason == "BlueGreenPause");
        Assert.Equal((oldHash, newHash), (paused.Status.BlueGreen!.ActiveSelector, paused.Status.BlueGreen.PreviewSelector));
        Assert.Equal((oldHash, newHash), (await SelectorAsync(Active), await SelectorAsync(Preview)));
        Assert.Equal(3, SpecReplicas(await ReplicaSetAsync(newHash)));
        Assert.Equal(3, SpecReplicas(await ReplicaSetAsync(oldHash)));
        Assert.Equal(oldHash, paused.Status.StableRS);
        var (getExit, view) = await PluginRunner.RunAsync(Plane.AdminKubeconfigPath, "get", "rollout", "web-app", "-n", Namespace);
        Assert.True(getExit == 0, view);
        Assert.Contains("BlueGreen", view, StringComparison.Ordinal);
        Assert.Matches($@"web-app-{oldHash}\s+stable,active", view);
        Assert.Matches($@"web-app-{newHash}\s+preview", view);

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(oldHash, await SelectorAsync(Active));

        await PromoteAsync("web-app");

        var switched = await WaitForRolloutAsync("web-app", "healthy on v2", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == newHash);
        Assert.Equal(newHash, switched.Status!.BlueGreen!.ActiveSelector);
        Assert.Equal(newHash, await SelectorAsync(Active));
        var waiting = await WaitForReplicaSetAsync(oldHash, "old ReplicaSet carries a scale-down deadline", rs => Deadline(rs) is not null);
        var deadline = DateTimeOffset.Parse(Deadline(waiting)!, CultureInfo.InvariantCulture);
        var scaledDown = await WaitForReplicaSetAsync(oldHash, "old ReplicaSet scaled down", rs => SpecReplicas(rs) == 0);
        Assert.True(DateTimeOffset.UtcNow >= deadline, $"scaled down before the deadline {deadline:O}");
        Assert.Equal(Deadline(waiting), Deadline(scaledDown));
        Assert.Equal(3, SpecReplicas(await ReplicaSetAsync(newHash)));
    }

    [Fact]
    public async Task Update_AutoPromotionSeconds_PausesThenSwitchesByItself()
    {
        var oldHash = await DeployAsync("autoPromotionSeconds: 5");

        await ApplyAsync(Rollout("myapp:v2", "autoPromotionSeconds: 5"));

        var paused = await WaitForRolloutAsync("web-app", "paused before auto-promotion", r => r.Status?.Phase == "Paused", seconds: 180);
        var pauseStarted = paused.Status!.PauseConditions!.Single(c => c.Reason == "BlueGreenPause").StartTime!.Value;
        Assert.Equal(oldHash, await SelectorAsync(Active));

        var done = await WaitForRolloutAsync("web-app", "switched by itself", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash);
        Assert.Equal(done.Status!.StableRS, await SelectorAsync(Active));
        var completed = done.Status.Conditions!.Single(c => c.Type == "Completed").LastTransitionTime!.Value;
        Assert.True(completed >= pauseStarted.AddSeconds(5), $"completed at {completed:O}, paused at {pauseStarted:O}");
    }

    [Fact]
    public async Task Update_PreviewReplicaCount_RunsThatManyUntilPromotedThenScalesUpAndSwitches()
    {
        var oldHash = await DeployAsync("autoPromotionEnabled: false\npreviewReplicaCount: 1", replicas: 3);

        await ApplyAsync(Rollout("myapp:v2", "autoPromotionEnabled: false\npreviewReplicaCount: 1"));

        var paused = await WaitForRolloutAsync("web-app", "paused with the preview", r => r.Status?.Phase == "Paused", seconds: 180);
        var newHash = paused.Status!.CurrentPodHash!;
        var preview = await ReplicaSetAsync(newHash);
        Assert.Equal((1, 1), (SpecReplicas(preview), preview.Status?.AvailableReplicas ?? 0));
        Assert.Equal(newHash, await SelectorAsync(Preview));
        Assert.Equal(oldHash, await SelectorAsync(Active));

        await PromoteAsync("web-app");

        await WaitForRolloutAsync("web-app", "healthy on v2", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == newHash, seconds: 180);
        Assert.Equal(3, SpecReplicas(await ReplicaSetAsync(newHash)));
        Assert.Equal(newHash, await SelectorAsync(Active));
    }

    [Fact]
    public async Task Abort_KeepsActiveOnStableScalesPreviewDownThenRetryAndPromote()
    {
        const string fields = "autoPromotionEnabled: false\nabortScaleDownDelaySeconds: 3";
        var oldHash = await DeployAsync(fields);
        await ApplyAsync(Rollout("myapp:v2", fields));
        var paused = await WaitForRolloutAsync("web-app", "paused for promotion", r => r.Status?.Phase == "Paused", seconds: 180);
        var newHash = paused.Status!.CurrentPodHash!;

        var (abortExit, aborted) = await PluginRunner.RunAsync(Plane.AdminKubeconfigPath, "abort", "web-app", "-n", Namespace);
        Assert.True(abortExit == 0, aborted);

        var degraded = await WaitForRolloutAsync("web-app", "aborted", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true);
        Assert.StartsWith("RolloutAborted", degraded.Status!.Message, StringComparison.Ordinal);
        var down = await WaitForReplicaSetAsync(newHash, "preview scaled down after the abort delay", rs => SpecReplicas(rs) == 0);
        Assert.NotNull(Deadline(down));
        Assert.Equal(oldHash, await SelectorAsync(Active));
        Assert.Equal(3, SpecReplicas(await ReplicaSetAsync(oldHash)));

        var (retryExit, retried) = await PluginRunner.RunAsync(Plane.AdminKubeconfigPath, "retry", "rollout", "web-app", "-n", Namespace);
        Assert.True(retryExit == 0, retried);

        await WaitForRolloutAsync("web-app", "paused again after retry", r => r.Status?.Phase == "Paused" && r.Status.Abort != true, seconds: 180);
        var again = await ReplicaSetAsync(newHash);
        Assert.Equal(3, SpecReplicas(again));
        Assert.Null(Deadline(again));
        Assert.Equal(oldHash, await SelectorAsync(Active));

        await PromoteAsync("web-app");
        await WaitForRolloutAsync("web-app", "healthy on v2", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == newHash);
        Assert.Equal(newHash, await SelectorAsync(Active));
    }

    [Fact]
    public async Task ControllerKilledDuringScaleDownDelay_RestartedController_ScalesDownAtTheSameDeadline()
    {
        var oldHash = await DeployAsync("scaleDownDelaySeconds: 20");
        await ApplyAsync(Rollout("myapp:v2", "scaleDownDelaySeconds: 20"));
        await WaitForRolloutAsync("web-app", "switched", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash, seconds: 180);
        var waiting = await WaitForReplicaSetAsync(oldHash, "old ReplicaSet carries a scale-down deadline", rs => Deadline(rs) is not null);
        var deadline = Deadline(waiting)!;

        await Controller.KillAsync();
        await Controller.DisposeAsync();
        var restartedAt = DateTimeOffset.UtcNow;
        Controller = StartController();

        var scaledDown = await WaitForReplicaSetAsync(oldHash, "old ReplicaSet scaled down by the restarted controller", rs => SpecReplicas(rs) == 0);
        Assert.Equal(deadline, Deadline(scaledDown));
        Assert.True(DateTimeOffset.UtcNow >= DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture), $"scaled down before {deadline}");
        Assert.True(restartedAt < DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture), "the controller was restarted only after the deadline; the test proves nothing");
    }

    [Fact]
    public async Task ServiceMissing_IsInvalidSpecUntilItExists()
    {
        await ApplyAsync(Rollout("myapp:v1", "autoPromotionEnabled: false"));

        var invalid = await WaitForRolloutAsync("web-app", "invalid spec", r => r.Status?.Phase == "Degraded");
        Assert.Contains($"activeService \"{Active}\" not found", invalid.Status!.Message, StringComparison.Ordinal);
        Assert.Contains(invalid.Status.Conditions!, c => c.Type == "InvalidSpec" && c.Status == "True");

        await ApplyAsync(Services());

        var healthy = await WaitForRolloutAsync("web-app", "healthy once the Services exist", r => r.Status?.Phase == "Healthy");
        Assert.DoesNotContain(healthy.Status!.Conditions!, c => c.Type == "InvalidSpec");
    }

    private string Analysis(string kind) => $"""
        {kind}:
          templates:
          - templateName: error-rate
          args:
          - name: service
            value: {Namespace}
        """;

    [Fact]
    public async Task PrePromotionAnalysis_FailingOnPrometheus_AbortsAndTheActiveServiceNeverMoves()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0.5);
        await ApplyAsync(RolloutYaml.ErrorRateTemplate());
        var fields = Analysis("prePromotionAnalysis");
        var oldHash = await DeployAsync(fields);

        await ApplyAsync(Rollout("myapp:v2", fields));

        var aborted = await WaitForRolloutAsync("web-app", "aborted by the pre-promotion analysis", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true, seconds: 180);
        var newHash = aborted.Status!.CurrentPodHash!;
        Assert.Contains("Blue/green pre-promotion analysis phase error/failed", aborted.Status.Message, StringComparison.Ordinal);
        Assert.Equal("Failed", aborted.Status.BlueGreen!.PrePromotionAnalysisRunStatus!.Status);
        Assert.Equal(oldHash, aborted.Status.StableRS);
        Assert.Equal(oldHash, await SelectorAsync(Active));
        var run = (await Client.GetAsync<AnalysisRun>(BlueGreenStateMachine.ForPrePromotion("web-app", newHash), Namespace))!;
        Assert.Equal("PrePromotion", run.Metadata.Labels!["rollout-type"]);
        Assert.Equal("Failed", run.Status!.Phase);
        await WaitForReplicaSetAsync(newHash, "preview scaled down after the default abort delay", rs => SpecReplicas(rs) == 0);
        Assert.Equal(oldHash, await SelectorAsync(Active));
    }

    [Fact]
    public async Task PrePromotionAnalysis_HealthyOnPrometheus_SwitchesAfterItSucceeds()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0);
        await ApplyAsync(RolloutYaml.ErrorRateTemplate());
        var fields = Analysis("prePromotionAnalysis");
        var oldHash = await DeployAsync(fields);

        await ApplyAsync(Rollout("myapp:v2", fields));

        var done = await WaitForRolloutAsync("web-app", "healthy on v2", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash, seconds: 180);
        Assert.Equal("Successful", done.Status!.BlueGreen!.PrePromotionAnalysisRunStatus!.Status);
        Assert.Equal(done.Status.StableRS, await SelectorAsync(Active));
    }

    [Fact]
    public async Task PostPromotionAnalysis_FailingOnPrometheus_SwitchesBackAndAborts()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0.5);
        await ApplyAsync(RolloutYaml.ErrorRateTemplate());
        var fields = Analysis("postPromotionAnalysis");
        var oldHash = await DeployAsync(fields);

        await ApplyAsync(Rollout("myapp:v2", fields));

        var aborted = await WaitForRolloutAsync("web-app", "aborted by the post-promotion analysis", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true
            && r.Status.BlueGreen?.ActiveSelector == oldHash, seconds: 180);
        Assert.Contains("Blue/green post-promotion analysis phase error/failed", aborted.Status!.Message, StringComparison.Ordinal);
        Assert.Equal("Failed", aborted.Status.BlueGreen!.PostPromotionAnalysisRunStatus!.Status);
        Assert.Equal(oldHash, aborted.Status.StableRS);
        Assert.Equal(oldHash, await SelectorAsync(Active));
        Assert.Equal(3, SpecReplicas(await ReplicaSetAsync(oldHash)));
    }
}
