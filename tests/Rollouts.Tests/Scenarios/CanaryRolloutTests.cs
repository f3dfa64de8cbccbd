using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Rollouts.Tests.Scenarios;

[Collection(SecondPlaneCollection.Name)]
public sealed class CanaryRolloutTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    private static string SeedShaped(string image, string pause = "4s") => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web-app
        spec:
          replicas: 10
          strategy:
            canary:
              steps:
              - setWeight: 10
              - pause: {duration: {{pause}}}
              - setWeight: 30
              - pause: {duration: {{pause}}}
              - setWeight: 50
              - pause: {duration: {{pause}}}
              - setWeight: 100
          template:
            spec:
              containers:
              - name: web
                image: {{image}}
        """;

    [Fact]
    public async Task SeedShapedRollout_FirstDeploy_SkipsStepsAndBecomesHealthy()
    {
        await ApplyAsync(SeedShaped("myapp:v1.0"));

        var rollout = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 10);

        var replicaSets = await ReplicaSetsAsync();
        var only = Assert.Single(replicaSets);
        Assert.Equal(10, SpecReplicas(only));
        Assert.Equal(rollout.Status!.StableRS, Hash(only));
        Assert.Equal($"web-app-{Hash(only)}", only.Metadata.Name);
        Assert.Equal(7, rollout.Status.CurrentStepIndex);
        Assert.Equal("rollouts.tollgate.dev/rollout=web-app", rollout.Status.Selector);
        Assert.Null(rollout.Spec.Selector);
        Assert.Null(rollout.Spec.Template!.Metadata?.Labels);
        var owner = Assert.Single(only.Metadata.OwnerReferences!);
        Assert.Equal(rollout.Metadata.Uid, owner.Uid);
        Assert.True(owner.Controller);

        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(new Uri(Controller.MetricsAddress, "/healthz")));
        var metrics = await http.GetStringAsync(new Uri(Controller.MetricsAddress, "/metrics"));
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("tollgate_rollout_phase{", StringComparison.Ordinal)
            && line.Contains($"namespace=\"{Namespace}\"", StringComparison.Ordinal)
            && line.Contains("phase=\"Healthy\"", StringComparison.Ordinal)
            && line.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains("tollgate_rollout_canary_weight", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedShapedRollout_NewImage_SplitsReplicasPerStepAndEndsHealthyOnNewStable()
    {
        await ApplyAsync(SeedShaped("myapp:v1.0"));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 10);
        var oldHash = first.Status!.StableRS!;

        await ApplyAsync(SeedShaped("myapp:v2.0"));

        foreach (var (pauseStep, weight) in new[] { (1, 10), (3, 30), (5, 50) })
        {
            await WaitForRolloutAsync("web-app", $"paused at step {pauseStep}", r => r.Status?.CurrentStepIndex == pauseStep && r.Status.Phase == "Paused");
            var expected = CanaryReplicaMath.DesiredCounts(10, weight, 3);
            var replicaSets = await ReplicaSetsAsync();
            var stable = replicaSets.Single(rs => Hash(rs) == oldHash);
            var canary = replicaSets.Single(rs => Hash(rs) != oldHash);
            Assert.Equal((expected.CanaryReplicas, expected.StableReplicas), (SpecReplicas(canary), SpecReplicas(stable)));
            Assert.Equal(weight / 10, expected.CanaryReplicas);
        }

        var done = await WaitForRolloutAsync("web-app", "healthy on the new revision",
            r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash && r.Status.AvailableReplicas == 10 && r.Status.Replicas == 10);
        var final = await ReplicaSetsAsync();
        Assert.Equal(0, SpecReplicas(final.Single(rs => Hash(rs) == oldHash)));
        Assert.Equal(10, SpecReplicas(final.Single(rs => Hash(rs) == done.Status!.StableRS)));
        Assert.Equal(done.Status!.CurrentPodHash, done.Status.StableRS);
        Assert.Contains(done.Status.Conditions!, c => c.Type == "Completed" && c.Status == "True");
        Assert.Contains(done.Status.Conditions!, c => c.Type == "Healthy" && c.Status == "True");
        Assert.InRange(Pods.MaxPodsSeen, 0, 13);
    }
}
