using System.Text.Json.Nodes;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Testing;

namespace Tollgate.Rollouts.Tests.Scenarios;

public sealed class AnalysisGateTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    private async Task<string> DeployStableAsync(string steps)
    {
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", steps));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        return first.Status!.StableRS!;
    }

    private string GatedSteps() => "- setWeight: 50\n" + RolloutYaml.AnalysisStep(Namespace) + "\n- setWeight: 100";

    [Fact]
    public async Task AnalysisStep_HealthyCanary_PromotesToNewStable()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0);
        await ApplyAsync(RolloutYaml.ErrorRateTemplate());
        var oldHash = await DeployStableAsync(GatedSteps());

        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", GatedSteps()));

        var done = await WaitForRolloutAsync("web-app", "healthy on v2", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash, seconds: 180);
        var run = await Client.GetAsync<AnalysisRun>($"web-app-{done.Status!.StableRS}-1", Namespace);
        Assert.Equal("Successful", run!.Status!.Phase);
        Assert.All(run.Status.MetricResults![0].Measurements!, m => Assert.Equal("Successful", m.Phase));
        Assert.Equal("[0]", run.Status.MetricResults[0].Measurements![^1].Value);
    }

    [Fact]
    public async Task AnalysisStep_ArgumentFromRolloutLabel_RunHoldsTheLabelValue()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0);
        await ApplyAsync(RolloutYaml.ErrorRateTemplate());
        var steps = "- setWeight: 50\n" + RolloutYaml.AnalysisStepFromField("metadata.labels['example.com/service']") + "\n- setWeight: 100";
        var label = ("example.com/service", Namespace);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", steps, label: label));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);

        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", steps, label: label));

        var done = await WaitForRolloutAsync("web-app", "healthy on v2", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != first.Status!.StableRS, seconds: 180);
        var run = await Client.GetAsync<AnalysisRun>($"web-app-{done.Status!.StableRS}-1", Namespace);
        var argument = Assert.Single(run!.Spec.Args!);
        Assert.Equal(("service", Namespace), (argument.Name, argument.Value));
        Assert.Null(argument.ValueFrom);
        Assert.Equal("Successful", run.Status!.Phase);
    }

    [Fact]
    public async Task AnalysisStep_FailingGate_AbortsAndRestoresAllStable()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0.5);
        await ApplyAsync(RolloutYaml.ErrorRateTemplate());
        var oldHash = await DeployStableAsync(GatedSteps());

        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", GatedSteps()));

        var aborted = await WaitForRolloutAsync("web-app", "aborted", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true, seconds: 180);
        Assert.Contains("error-rate", aborted.Status!.Message, StringComparison.Ordinal);
        Assert.Contains("result[0] > 0.2", aborted.Status.Message, StringComparison.Ordinal);
        Assert.Contains("[0.5]", aborted.Status.Message, StringComparison.Ordinal);
        Assert.Equal(oldHash, aborted.Status.StableRS);
        await WaitForRolloutAsync("web-app", "stable back to 4", r => r.Status?.AvailableReplicas == 4 && r.Status.UpdatedReplicas == 0);
        var replicaSets = await ReplicaSetsAsync();
        Assert.Equal(4, SpecReplicas(replicaSets.Single(rs => Hash(rs) == oldHash)));
        Assert.Equal(0, SpecReplicas(replicaSets.Single(rs => Hash(rs) != oldHash)));
        Assert.Equal(0, aborted.Status.Canary!.Weights!.Canary.Weight);
    }

    [Fact]
    public async Task AnalysisStep_InconclusiveGate_PausesForAHumanThenPromotes()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0.1);
        await ApplyAsync(RolloutYaml.ErrorRateTemplate());
        var oldHash = await DeployStableAsync(GatedSteps());

        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", GatedSteps()));

        var paused = await WaitForRolloutAsync("web-app", "paused on inconclusive", r => r.Status?.Phase == "Paused", seconds: 180);
        Assert.Contains(paused.Status!.PauseConditions!, c => c.Reason == "InconclusiveAnalysisRun");
        Assert.Equal("Inconclusive", paused.Status.Canary!.CurrentStepAnalysisRunStatus!.Status);
        Assert.Equal(oldHash, paused.Status.StableRS);
        Assert.Equal(1, paused.Status.CurrentStepIndex);

        await PatchStatusAsync("web-app", new JsonObject { ["pauseConditions"] = null });

        await WaitForRolloutAsync("web-app", "healthy after promoting past the inconclusive analysis", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash);
    }

    [Fact]
    public async Task AnalysisStep_UnreachablePrometheus_AbortsWithoutEverPromoting()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0);
        var closedPort = Tollgate.Testing.ControlPlane.FreePort.Next();
        await ApplyAsync(RolloutYaml.ErrorRateTemplate($"http://127.0.0.1:{closedPort}", consecutiveErrorLimit: 1));
        var oldHash = await DeployStableAsync(GatedSteps());

        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", GatedSteps()));

        var aborted = await WaitForRolloutAsync(
            "web-app",
            "aborted on errors",
            r => r.Status?.StableRS != oldHash || (r.Status?.Phase == "Degraded" && r.Status.Abort == true),
            seconds: 180);
        Assert.Equal(oldHash, aborted.Status!.StableRS);
        Assert.Equal("Degraded", aborted.Status.Phase);
        Assert.Contains("Error", aborted.Status.Message, StringComparison.Ordinal);
        var run = await Client.GetAsync<AnalysisRun>($"web-app-{aborted.Status.CurrentPodHash}-1", Namespace);
        Assert.Equal("Error", run!.Status!.Phase);
        Assert.All(run.Status.MetricResults![0].Measurements!, m => Assert.Equal("Error", m.Phase));
    }

    [Fact]
    public async Task ControllerKilledMidPause_Restarted_FinishesAfterThePauseWithoutDuplicates()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0);
        await ApplyAsync(RolloutYaml.ErrorRateTemplate());
        var steps = "- setWeight: 50\n" + RolloutYaml.AnalysisStep(Namespace) + "\n- pause: {duration: 30s}\n- setWeight: 100";
        var oldHash = await DeployStableAsync(steps);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", steps));
        var paused = await WaitForRolloutAsync("web-app", "paused at step 3", r => r.Status?.CurrentStepIndex == 2 && r.Status.Phase == "Paused", seconds: 180);
        var pauseStarted = paused.Status!.PauseConditions!.Single().StartTime!.Value;

        await Controller.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Controller.DisposeAsync();
        Controller = StartController();

        var done = await WaitForRolloutAsync("web-app", "healthy after restart", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldHash, seconds: 180);
        var completed = done.Status!.Conditions!.Single(c => c.Type == "Completed").LastTransitionTime!.Value;
        Assert.True(completed >= pauseStarted.AddSeconds(30), $"completed at {completed:O}, pause started at {pauseStarted:O}");
        var runs = (await Client.ListAsync<AnalysisRun>(Namespace)).Items;
        Assert.Single(runs);
        Assert.InRange(Pods.MaxPodsSeen, 0, 5);
    }

    [Fact]
    public async Task BackgroundAnalysis_FailingMetric_AbortsWhilePaused()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0.5);
        await ApplyAsync(RolloutYaml.ErrorRateTemplate());
        var steps = "- setWeight: 50\n- pause: {}";
        var background = $"""
                  analysis:
                    startingStep: 1
                    templates:
                    - templateName: error-rate
                    args:
                    - name: service
                      value: {Namespace}
            """;
        string WithBackground(string image) => RolloutYaml.Rollout(image, steps).Replace("      steps:", background.TrimEnd() + "\n      steps:", StringComparison.Ordinal);
        await ApplyAsync(WithBackground("myapp:v1"));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);

        await ApplyAsync(WithBackground("myapp:v2"));

        var aborted = await WaitForRolloutAsync("web-app", "aborted by background analysis", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true, seconds: 180);
        Assert.Contains("background", aborted.Status!.Message, StringComparison.Ordinal);
        Assert.Equal(first.Status!.StableRS, aborted.Status.StableRS);
        Assert.Equal("Failed", aborted.Status.Canary!.CurrentBackgroundAnalysisRunStatus!.Status);
    }
}
