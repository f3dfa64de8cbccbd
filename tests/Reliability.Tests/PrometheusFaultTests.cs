using System.Diagnostics;
using System.Globalization;
using Tollgate.Reliability.Tests.Rollouts;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests;

/// <summary>
/// Issue 18 item 4: during a step analysis that has measured Successful against the real Prometheus, Prometheus goes
/// down (the real one SIGKILLed), turns slow (longer than the provider's timeout) or answers garbage (a real server on
/// loopback speaking its query API). Every measurement started after the fault must be Error, never Successful; after
/// consecutiveErrorLimit the run is Error and the rollout aborts back to stable; the stable ReplicaSet never changes.
/// The canary invariants are watched throughout.
/// </summary>
public sealed class PrometheusFaultTests(ControlPlaneFixture fixture) : RolloutScenario(fixture)
{
    private const int TimeoutSeconds = 2;

    [Theory]
    [InlineData("down")]
    [InlineData("slow")]
    [InlineData("garbage")]
    public async Task Analysis_PrometheusFault_MeasurementsErrorAndRolloutAbortsWithoutPromoting(string fault)
    {
        var rounds = ChaosReport.Scaled(1, "TOLLGATE_CHAOS_PROMETHEUS_ROUNDS");
        await using var faulty = await FaultyPrometheus.StartAsync(Prometheus.Address);
        faulty.SlowDelay = TimeSpan.FromSeconds(TimeoutSeconds * 4);
        var rows = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            rows.Add(await RunRoundAsync(fault, faulty));
        }

        ChaosReport.Append($"Prometheus {fault} during an analysis ({rounds} round(s))", $"""
            | round | measurements after the fault | Error | run | rollout | fault to abort | answers served |
            |---|---|---|---|---|---|---|
            {string.Join('\n', rows)}

            """);
    }

    private async Task<string> RunRoundAsync(string fault, FaultyPrometheus faulty)
    {
        var limit = fault == "garbage" ? GarbageAnswers.All.Count : 2;
        var address = fault == "down" ? Prometheus.Address : faulty.Address;
        var @namespace = await NamespaceAsync("prom-" + fault, CanaryManifests.ErrorRateTemplate(address, consecutiveErrorLimit: limit, count: 200, timeoutSeconds: TimeoutSeconds));
        var steps = $"""
            - setWeight: 50
            - analysis:
                templates:
                - templateName: error-rate
                args:
                - name: service
                  value: {@namespace}
            - setWeight: 100
            """;
        var controller = Own(StartController(@namespace, "single", LeaseTiming.Shipped));
        var stable = await DeployFirstAsync(@namespace, steps, () => controller.Tail());
        await using var observer = new RolloutObserver(Client, @namespace, Limits);
        observer.Arm(stable);
        faulty.Fault = PrometheusFault.None;

        await ApplyAsync(@namespace, CanaryManifests.Rollout("web:v2", steps));
        await TestControlPlane.WaitUntilAsync(
            "a Successful measurement against the real Prometheus",
            _ => Task.FromResult(observer.Measurements.Any(m => m.Phase == "Successful")),
            TimeSpan.FromMinutes(3));
        var canary = (await RolloutAsync(@namespace))!.Status!.CurrentPodHash!;

        switch (fault)
        {
            case "down":
                await Prometheus.KillAsync();
                break;
            case "slow":
                faulty.Fault = PrometheusFault.Slow;
                break;
            default:
                faulty.Fault = PrometheusFault.Garbage;
                break;
        }

        // Measurement times have whole seconds: only those starting in a later second surely started after the fault.
        var faultAt = DateTimeOffset.UtcNow;
        var after = DateTimeOffset.FromUnixTimeSeconds(faultAt.ToUnixTimeSeconds() + 1);
        var clock = Stopwatch.StartNew();
        try
        {
            var aborted = await WaitForRolloutAsync(
                @namespace, "aborted on analysis errors", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true, TimeSpan.FromMinutes(4), () => controller.Tail());
            var toAbort = clock.Elapsed;
            await WaitForRolloutAsync(
                @namespace, "stable back to every replica", r => r.Status?.AvailableReplicas == CanaryManifests.Replicas && r.Status.UpdatedReplicas == 0, TimeSpan.FromMinutes(2));
            var run = await Client.GetAsync<Tollgate.Shared.Entities.Rollouts.AnalysisRun>(
                Tollgate.Rollouts.Analysis.AnalysisRunNames.ForStep(CanaryManifests.RolloutName, canary, 1), @namespace);
            var later = observer.Measurements.Where(m => m.StartedAt >= after).ToList();
            var served = faulty.Served.Where(s => s.At >= faultAt).Select(s => s.Answer).Distinct().Order(StringComparer.Ordinal).ToList();

            Assert.Empty(observer.Violations);
            Assert.Equal([stable], observer.StableHashes);
            Assert.Equal(stable, aborted.Status!.StableRS);
            Assert.NotEmpty(later);
            Assert.All(later, m => Assert.True(m.Phase == "Error", $"{m.Phase} measurement at {m.StartedAt:O} after the fault at {faultAt:O}: {m.Value} {m.Message}"));
            Assert.Equal("Error", run!.Status!.Phase);
            Assert.Contains("consecutiveErrorLimit", run.Status.Message ?? run.Status.MetricResults![0].Message ?? "", StringComparison.Ordinal);
            if (fault == "garbage")
            {
                Assert.Equal(GarbageAnswers.All.Select(a => a.Name).Order(StringComparer.Ordinal), served);
            }

            var messages = string.Join("; ", later.Select(m => Cut(m.Message)).Distinct().Take(6));
            return $"| {@namespace} | {later.Count} | {later.Count(m => m.Phase == "Error")} ({messages.Replace('|', '/')}) | {run.Status.Phase} | {aborted.Status.Phase}, stable unchanged | {toAbort.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s | {served.Count} kinds |";
        }
        finally
        {
            faulty.Fault = PrometheusFault.None;
            if (fault == "down")
            {
                await Prometheus.RestartAsync(CancellationToken.None);
            }
        }
    }

    private static string Cut(string? text) => text is null ? "" : text.Length <= 90 ? text : text[..90] + "...";
}
