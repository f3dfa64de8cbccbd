using System.Globalization;
using System.Text;
using Tollgate.Reliability.Tests.Rollouts;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests;

/// <summary>
/// Issue 18 item 1, kill anywhere: during a canary with weights, timed pauses and a step analysis, and during a
/// blue-green update (preview, pre-promotion analysis, timed pause, promotion, scale-down delay), the rollout
/// controller is SIGKILLed at random moments (mostly while it leads and reconciles, some while it is still starting)
/// and a new process started after a random delay, with leader election on (a short Lease, so the replacement takes
/// over within seconds). Watches check the invariants all along (for blue-green also: the active Service only ever
/// selects a fully available ReplicaSet), and the end state must equal that of an undisturbed run of the same
/// Rollout. The seed is reported; TOLLGATE_CHAOS_SEED replays the same kill plan.
/// </summary>
[Collection(ControllerProcessesCollection.Name)]
public sealed class ControllerKillTests(ControlPlaneFixture fixture) : RolloutScenario(fixture)
{
    private const int MaxKillsPerRound = 8;

    [Theory]
    [InlineData("canary")]
    [InlineData("canary-surge")]
    [InlineData("blue-green")]
    public async Task KillController_RandomMomentsOfAnUpdate_InvariantsHoldAndEndStateEqualsUndisturbed(string scenarioName)
    {
        var scenario = KillScenarios.All[scenarioName];
        var seed = ChaosSeed.Resolve();
        var random = new Random(seed);
        var budget = ChaosReport.Scaled(5, scenario.KillsVariable);
        var replicas = scenario.Replicas;
        var limits = scenario.Limits;
        var template = CanaryManifests.ErrorRateTemplate(null, consecutiveErrorLimit: 4, count: 2);

        var calm = await NamespaceAsync("calm", template);
        var calmController = Own(StartController(calm, "calm", LeaseTiming.Fast));
        var calmStable = await DeployManifestAsync(calm, scenario.Manifest("web:v1", calm), replicas, () => calmController.Tail());
        await using var calmObserver = new RolloutObserver(Client, calm, limits, scenario.ActiveService);
        await calmObserver.ArmAsync(calmStable, Timeout());
        await ApplyAsync(calm, scenario.Manifest("web:v2", calm));
        var expected = await SettledEndStateAsync(calm, calmStable, replicas, () => calmController.Tail());
        await calmController.KillAsync();

        var kills = new List<string>();
        var calmViolations = calmObserver.Violations.Concat(calmObserver.ActiveServiceViolations()).ToList();
        var rows = new List<string>
        {
            $"| undisturbed | 0 | {calmObserver.MaxPods} | {calmObserver.MinReady} | {calmObserver.StepRuns.Count} | {calmObserver.StableGoneEarly} | {calmViolations.Count} | - |",
        };
        var failures = new StringBuilder();
        foreach (var violation in calmViolations)
        {
            failures.Append(CultureInfo.InvariantCulture, $"undisturbed ({calm}): {violation}\n");
        }
        for (var round = 1; kills.Count < budget; round++)
        {
            var @namespace = await NamespaceAsync("kill", template);
            var generation = 0;
            var controller = Own(StartController(@namespace, $"r{round}-{generation}", LeaseTiming.Fast));
            var stable = await DeployManifestAsync(@namespace, scenario.Manifest("web:v1", @namespace), replicas, () => controller.Tail());
            await using var observer = new RolloutObserver(Client, @namespace, limits, scenario.ActiveService);
            await observer.ArmAsync(stable, Timeout());
            await ApplyAsync(@namespace, scenario.Manifest("web:v2", @namespace));
            var roundKills = 0;
            while (kills.Count < budget && roundKills < MaxKillsPerRound)
            {
                var whileStarting = random.NextDouble() < 0.2;
                var delay = TimeSpan.FromMilliseconds(whileStarting ? 200 + random.Next(2800) : random.Next(4000));
                var restartDelay = TimeSpan.FromMilliseconds(random.Next(2000));
                if (!whileStarting)
                {
                    await TestControlPlane.WaitUntilAsync(
                        "the controller to lead", _ => Task.FromResult(controller.LeaderIdentity is not null || controller.HasExited), TimeSpan.FromMinutes(2));
                }

                await Task.Delay(delay);
                var before = await RolloutAsync(@namespace);
                if (before?.Status is { Phase: "Healthy" } done && done.StableRS != stable)
                {
                    break;
                }

                await controller.KillAsync();
                roundKills++;
                kills.Add($"{(whileStarting ? "starting" : controller.LeaderIdentity is null ? "standing by" : "leading")} +{delay.TotalSeconds:0.0}s at step {before?.Status?.CurrentStepIndex} ({before?.Status?.Phase}), restart after {restartDelay.TotalSeconds:0.0}s");
                await Task.Delay(restartDelay);
                generation++;
                controller = Own(StartController(@namespace, $"r{round}-{generation}", LeaseTiming.Fast));
            }

            var endState = await SettledEndStateAsync(@namespace, stable, replicas, () => controller.Tail());
            if (!endState.SequenceEqual(expected, StringComparer.Ordinal))
            {
                failures.Append(CultureInfo.InvariantCulture, $"round {round} ({@namespace}) ended differently:\n  {string.Join("\n  ", endState)}\n");
            }

            var violations = observer.Violations.Concat(observer.ActiveServiceViolations()).ToList();
            foreach (var violation in violations)
            {
                failures.Append(CultureInfo.InvariantCulture, $"round {round} ({@namespace}): {violation}\n");
            }

            rows.Add($"| {round} | {roundKills} | {observer.MaxPods} | {observer.MinReady} | {observer.StepRuns.Count} | {observer.StableGoneEarly} | {violations.Count} | {(endState.SequenceEqual(expected, StringComparer.Ordinal) ? "equal" : "DIFFERENT")} |");
            await controller.KillAsync();
        }

        ChaosReport.Append($"Kill anywhere, {scenario.Name} ({kills.Count} SIGKILLs, seed {seed})", $"""
            | round | kills | most pods | fewest available | step runs | stable at 0 before the new one full (events) | violations | end state vs undisturbed |
            |---|---|---|---|---|---|---|---|
            {string.Join('\n', rows)}

            limits: {replicas} replicas, at most {replicas + limits.MaxSurge} pods, at least {replicas - limits.MaxUnavailable} available{(scenario.ActiveService is null ? "" : ", the active Service on a fully available ReplicaSet")}; "step runs" counts step and pre-promotion AnalysisRuns; undisturbed end state:
            {string.Join("; ", expected)}

            kill moments: {string.Join("; ", kills)}

            """);
        Assert.True(failures.Length == 0, $"seed {seed} ({ChaosSeed.Variable}={seed} replays the kill plan):\n{failures}\nexpected end state:\n  {string.Join("\n  ", expected)}");
    }

    /// <summary>Once Healthy on the new template, the end state read until two reads a second apart agree and one ReplicaSet is left running.</summary>
    private async Task<IReadOnlyList<string>> SettledEndStateAsync(string @namespace, string oldStable, int replicas, Func<string> context)
    {
        await WaitForRolloutAsync(
            @namespace,
            "healthy on web:v2",
            r => r.Status?.Phase == "Healthy" && r.Status.StableRS != oldStable && r.Status.StableRS == r.Status.CurrentPodHash && r.Status.AvailableReplicas == replicas
                && r.Status.UpdatedReplicas == replicas,
            TimeSpan.FromMinutes(5),
            context);
        IReadOnlyList<string> previous = [];
        IReadOnlyList<string> current = [];
        await TestControlPlane.WaitUntilAsync(
            "the end state to settle",
            async ct =>
            {
                previous = current;
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                current = await EndStateAsync(@namespace, ct);

                // Blue-green keeps the old ReplicaSet for the scale-down delay after it is Healthy: wait for it too.
                return current.SequenceEqual(previous, StringComparer.Ordinal) && !current.Any(line => line.Contains("Running", StringComparison.Ordinal))
                    && current.Count(line => line.StartsWith("replicaset ", StringComparison.Ordinal) && !line.EndsWith(" replicas 0 available 0", StringComparison.Ordinal)) == 1;
            },
            TimeSpan.FromMinutes(2));
        return current;
    }
}
