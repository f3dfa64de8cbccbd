using Microsoft.Extensions.Logging;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.LeaderElection;
using Tollgate.Shared.Tests.Admission;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Operator;

/// <summary>
/// The write fence on a real API server: a leader whose clock passes its renew deadline without a renewal (its Lease
/// taken by another; the same clock a frozen leader wakes up to) sends no write, and writes again after a fresh
/// acquisition. The elector runs on a manual clock, so "past the deadline" is exact and nothing depends on speed.
/// </summary>
public sealed class LeaderWriteFenceTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Write_PastRenewDeadlineUntilLeaseAcquiredAgain_RefusedThenSent()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var fenced = new KubernetesClient(Plane.AdminConfiguration);
        var options = new LeaderElectionOptions
        {
            LeaseName = "fenced",
            LeaseNamespace = Namespace,
            LeaseDuration = TimeSpan.FromSeconds(15),
            RenewDeadline = TimeSpan.FromSeconds(10),
            RetryPeriod = TimeSpan.FromSeconds(2),
        };
        var elector = new LeaderElector(fenced, options, loggers.CreateLogger<LeaderElector>(), time);
        fenced.UseWriteFence(new LeaderWriteFence(elector, loggers.CreateLogger<LeaderWriteFence>()));

        var beforeLeading = await Assert.ThrowsAsync<KubernetesException>(() => fenced.CreateAsync(ConfigMap("before"), cancellationToken: Timeout()));
        Assert.Contains("does not lead", beforeLeading.Message, StringComparison.Ordinal);

        using var stop = new CancellationTokenSource();
        var run = elector.RunAsync(stop.Token);
        await elector.WaitForLeadershipAsync(Timeout());
        await fenced.CreateAsync(ConfigMap("first-term"), cancellationToken: Timeout());
        Assert.NotNull(await fenced.GetAsync<V1ConfigMap>("first-term", Namespace, Timeout()));

        await SetHolderAsync(options, "intruder");
        time.Advance(options.RenewDeadline + TimeSpan.FromSeconds(1));
        var late = await Assert.ThrowsAsync<KubernetesException>(() => fenced.CreateAsync(ConfigMap("late"), cancellationToken: Timeout()));
        var lateDelete = await Assert.ThrowsAsync<KubernetesException>(() => fenced.DeleteAsync<V1ConfigMap>("first-term", Namespace, cancellationToken: Timeout()));
        await AdvanceUntilAsync(time, "the leader to step down", () => !elector.IsLeader);
        var afterLoss = await Assert.ThrowsAsync<KubernetesException>(() => fenced.CreateAsync(ConfigMap("after-loss"), cancellationToken: Timeout()));

        Assert.Matches("renewed 11.0s ago|does not lead", late.Message);
        Assert.Matches("renew deadline|does not lead", lateDelete.Message);
        Assert.Contains("does not lead", afterLoss.Message, StringComparison.Ordinal);
        Assert.Null(await Client.GetAsync<V1ConfigMap>("late", Namespace, Timeout()));
        Assert.Null(await Client.GetAsync<V1ConfigMap>("after-loss", Namespace, Timeout()));
        Assert.NotNull(await Client.GetAsync<V1ConfigMap>("first-term", Namespace, Timeout()));

        await SetHolderAsync(options, null);
        await AdvanceUntilAsync(time, "a fresh acquisition", () => elector.IsLeader);
        await fenced.CreateAsync(ConfigMap("second-term"), cancellationToken: Timeout());
        Assert.True(await fenced.DeleteAsync<V1ConfigMap>("first-term", Namespace, cancellationToken: Timeout()));

        await stop.CancelAsync();
        await run;
        Assert.NotNull(await Client.GetAsync<V1ConfigMap>("second-term", Namespace, Timeout()));
        var refusals = logs.Entries.Where(e => e.Message.Contains("refuses its writes", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains("does not lead (first refused: POST", refusals[0].Message, StringComparison.Ordinal);
        Assert.Contains("first refused: POST", refusals[1].Message, StringComparison.Ordinal);
        Assert.All(refusals, r => Assert.Equal(LogLevel.Warning, r.Level));
    }

    private V1ConfigMap ConfigMap(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Namespace = Namespace },
        Data = new Dictionary<string, string> { ["written-by"] = "fenced" },
    };

    /// <summary>Another holder for an hour (no renewal of ours can succeed), or a released Lease (null).</summary>
    private async Task SetHolderAsync(LeaderElectionOptions options, string? holder)
    {
        var lease = (await Client.GetAsync<V1Lease>(options.LeaseName, Namespace, Timeout()))!;
        lease.Spec!.HolderIdentity = holder;
        lease.Spec.LeaseDurationSeconds = holder is null ? 1 : 3600;
        lease.Spec.RenewTime = DateTimeOffset.UtcNow;
        await Client.UpdateAsync(lease, cancellationToken: Timeout());
    }

    private static Task AdvanceUntilAsync(ManualTimeProvider time, string what, Func<bool> condition) =>
        TestWait.UntilAsync(
            what,
            async () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(500));
                await Task.Delay(TimeSpan.FromMilliseconds(50));
                return condition();
            },
            Wait);
}
