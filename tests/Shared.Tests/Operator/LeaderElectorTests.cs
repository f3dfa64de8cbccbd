using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.LeaderElection;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Operator;

public sealed class LeaderElectorTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunAsync_TwoCandidatesOnOneLease_OnlyOneLeads()
    {
        var options = Options("single", lease: 6, renew: 4);
        var a = new LeaderElector(Client, options);
        var b = new LeaderElector(Client, options with { Identity = options.Identity + "-b" });
        using var stop = new CancellationTokenSource();
        var runs = new[] { a.RunAsync(stop.Token), b.RunAsync(stop.Token) };

        await TestWait.UntilAsync("a leader", () => a.IsLeader || b.IsLeader, Wait);
        var bothLed = false;
        for (var i = 0; i < 60; i++)
        {
            bothLed |= a.IsLeader && b.IsLeader;
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        var leader = a.IsLeader ? a : b;
        var follower = leader == a ? b : a;
        Assert.False(follower.IsLeader);
        var lease = await Client.GetAsync<V1Lease>(options.LeaseName, Namespace, Timeout());
        await stop.CancelAsync();
        await Task.WhenAll(runs);

        Assert.False(bothLed);
        Assert.Equal(leader.Identity, lease!.Spec!.HolderIdentity);
        Assert.False(a.IsRunning);
        Assert.False(b.IsRunning);
    }

    [Fact]
    public async Task RunAsync_LeaderCancelled_ReleasesAndStandbyTakesOverBeforeLeaseWouldExpire()
    {
        // A 60 s lease: a takeover within the 30 s wait below can only come from the release.
        var options = Options("handover", lease: 60, renew: 40);
        var first = new LeaderElector(Client, options);
        var second = new LeaderElector(Client, options with { Identity = options.Identity + "-2" });
        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var stopped = 0;
        first.StoppedLeading += () => Interlocked.Increment(ref stopped);
        var firstRun = first.RunAsync(stopFirst.Token);
        var leadingToken = await first.WaitForLeadershipAsync(Timeout());
        var secondRun = second.RunAsync(stopSecond.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(second.IsLeader);

        await stopFirst.CancelAsync();
        await firstRun;

        Assert.True(leadingToken.IsCancellationRequested);
        Assert.Equal(1, stopped);
        await TestWait.UntilAsync("the standby to take over", () => second.IsLeader, TimeSpan.FromSeconds(30));
        var lease = await Client.GetAsync<V1Lease>(options.LeaseName, Namespace, Timeout());
        Assert.Equal(second.Identity, lease!.Spec!.HolderIdentity);
        Assert.Equal(1, lease.Spec.LeaseTransitions);
        await stopSecond.CancelAsync();
        await secondRun;
    }

    [Fact]
    public async Task RunAsync_LeaderKilledWithoutRelease_StandbyTakesOverOnlyAfterLeaseExpires()
    {
        var options = Options("expiry", lease: 4, renew: 3);
        var killed = new LeaderElector(Client, options with { ReleaseOnCancel = false });
        var survivor = new LeaderElector(Client, options with { Identity = options.Identity + "-survivor" });
        using var kill = new CancellationTokenSource();
        using var stopSurvivor = new CancellationTokenSource();
        var killedRun = killed.RunAsync(kill.Token);
        await killed.WaitForLeadershipAsync(Timeout());
        var survivorRun = survivor.RunAsync(stopSurvivor.Token);

        await kill.CancelAsync();
        await killedRun;
        var abandoned = (await Client.GetAsync<V1Lease>(options.LeaseName, Namespace, Timeout()))!.Spec!;

        Assert.Equal(killed.Identity, abandoned.HolderIdentity);
        await TestWait.UntilAsync("the survivor to take over", () => survivor.IsLeader, Wait);
        var taken = (await Client.GetAsync<V1Lease>(options.LeaseName, Namespace, Timeout()))!.Spec!;
        Assert.Equal(survivor.Identity, taken.HolderIdentity);
        Assert.True(taken.AcquireTime - abandoned.RenewTime >= options.LeaseDuration - TimeSpan.FromMilliseconds(1));
        Assert.Equal(abandoned.LeaseTransitions + 1, taken.LeaseTransitions);
        await stopSurvivor.CancelAsync();
        await survivorRun;
    }

    [Fact]
    public async Task RunAsync_LeaseTakenByAnother_LeaderStopsAtOnceAndStandsBy()
    {
        var options = Options("stolen", lease: 6, renew: 3);
        var elector = new LeaderElector(Client, options);
        using var stop = new CancellationTokenSource();
        var run = elector.RunAsync(stop.Token);
        var leading = await elector.WaitForLeadershipAsync(Timeout());

        var lease = (await Client.GetAsync<V1Lease>(options.LeaseName, Namespace, Timeout()))!;
        lease.Spec!.HolderIdentity = "intruder";
        lease.Spec.LeaseDurationSeconds = 3600;
        lease.Spec.RenewTime = DateTimeOffset.UtcNow;
        await Client.UpdateAsync(lease, cancellationToken: Timeout());

        await TestWait.UntilAsync("the leader to step down", () => leading.IsCancellationRequested, Wait);
        Assert.False(elector.IsLeader);
        Assert.True(elector.IsRunning);
        Assert.Equal("intruder", (await Client.GetAsync<V1Lease>(options.LeaseName, Namespace, Timeout()))!.Spec!.HolderIdentity);
        await stop.CancelAsync();
        await run;
        Assert.Equal("intruder", (await Client.GetAsync<V1Lease>(options.LeaseName, Namespace, Timeout()))!.Spec!.HolderIdentity);
    }

    private LeaderElectionOptions Options(string name, int lease, int renew) => new()
    {
        LeaseName = name,
        LeaseNamespace = Namespace,
        LeaseDuration = TimeSpan.FromSeconds(lease),
        RenewDeadline = TimeSpan.FromSeconds(renew),
        RetryPeriod = TimeSpan.FromMilliseconds(500),
    };
}
