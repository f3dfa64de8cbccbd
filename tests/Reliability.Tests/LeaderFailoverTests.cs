using System.Diagnostics;
using System.Globalization;
using Tollgate.Reliability.Tests.Rollouts;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests;

/// <summary>
/// Issue 18 item 2: two rollout controller replicas with leader election (the shipped Lease timing, 15 s / 10 s / 2 s),
/// each with its own client identity (the rollouts ServiceAccount plus a group naming the replica) so the API server's
/// audit log tells their writes apart. Mid-canary the leader is SIGKILLed, or frozen (SIGSTOP) past its Lease and then
/// thawed: the standby takes over (the time is measured, from the audit log), the rollout finishes with the canary
/// invariants intact, and the old leader writes nothing after its renew deadline has passed.
/// </summary>
[Collection(ControllerProcessesCollection.Name)]
public sealed class LeaderFailoverTests(ControlPlaneFixture fixture) : RolloutScenario(fixture)
{
    private static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("kill")]
    [InlineData("freeze")]
    public async Task LoseLeader_MidCanary_StandbyTakesOverAndOldLeaderNeverWritesAgain(string how)
    {
        Assert.NotNull(Plane.AuditLogPath);
        var @namespace = await NamespaceAsync("failover-" + how, CanaryManifests.ErrorRateTemplate(null, consecutiveErrorLimit: 4, count: 2));
        var steps = CanaryManifests.ChaosSteps(@namespace).Replace("{duration: 3s}", "{duration: 20s}", StringComparison.Ordinal);
        var groupA = $"tollgate-reliability:replica-a-{@namespace}";
        var groupB = $"tollgate-reliability:replica-b-{@namespace}";
        var a = Own(StartController(@namespace, "a", LeaseTiming.Shipped, await ReplicaIdentityAsync(groupA)));
        await TestControlPlane.WaitUntilAsync("replica a to lead", _ => Task.FromResult(a.LeaderIdentity is not null), TimeSpan.FromMinutes(2));
        var b = Own(StartController(@namespace, "b", LeaseTiming.Shipped, await ReplicaIdentityAsync(groupB)));
        var stable = await DeployFirstAsync(@namespace, steps, () => a.Tail());
        await using var observer = new RolloutObserver(Client, @namespace, Limits);
        observer.Arm(stable);
        await ApplyAsync(@namespace, CanaryManifests.Rollout("web:v2", steps));
        if (how == "kill")
        {
            await WaitForRolloutAsync(@namespace, "mid-canary, in the first pause", r => r.Status?.CurrentStepIndex == 1 && r.Status.Phase == "Paused", TimeSpan.FromMinutes(2), () => a.Tail());
        }
        else
        {
            // Frozen while it reconciles the update (new ReplicaSet, first weight, status), so it wakes mid-work.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(300, 1500)));
        }

        var lostAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        if (how == "kill")
        {
            await a.KillAsync();
        }
        else
        {
            a.Suspend();
        }

        await TestControlPlane.WaitUntilAsync("replica b to lead", _ => Task.FromResult(b.LeaderIdentity is not null), TimeSpan.FromMinutes(2));
        var detected = clock.Elapsed;
        if (how == "freeze")
        {
            a.Resume();
        }

        var done = await WaitForRolloutAsync(
            @namespace, "healthy on web:v2 under replica b", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != stable && r.Status.StableRS == r.Status.CurrentPodHash,
            TimeSpan.FromMinutes(4), () => b.Tail());
        // Let a thawed replica run on a while: any write it still had in mind would land now.
        await Task.Delay(TimeSpan.FromSeconds(5));

        var audit = AuditLog.Read(Plane.AuditLogPath);
        var leaseName = LeaseName(@namespace);
        bool IsLease(AuditEvent e) => e.Resource == "leases" && e.Name == leaseName;
        var byA = audit.Where(e => e.Groups.Contains(groupA) && (IsLease(e) || e.Namespace == @namespace)).ToList();
        var byB = audit.Where(e => e.Groups.Contains(groupB) && (IsLease(e) || e.Namespace == @namespace)).ToList();
        var lastRenewalByA = byA.Where(e => IsLease(e) && e.Code / 100 == 2).Select(e => e.Received).DefaultIfEmpty(lostAt).Max();
        var deadline = lastRenewalByA + RenewDeadline;
        var takeover = byB.Where(e => IsLease(e) && e.Code / 100 == 2).Select(e => e.Received).DefaultIfEmpty().Min();
        var firstWorkByB = byB.Where(e => !IsLease(e) && e.Received > lostAt).Select(e => e.Received).DefaultIfEmpty().Min();
        var late = byA.Where(e => e.Received > deadline).ToList();
        var lateBeforeTakeover = byA.Where(e => e.Received > lostAt && !IsLease(e)).ToList();
        var fenced = a.Log().Split('\n').Where(l => l.Contains("refuses its writes", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

        ChaosReport.Append($"Leader failover, leader {(how == "kill" ? "SIGKILLed" : "frozen (SIGSTOP) past its Lease, then thawed")} mid-canary", $"""
            | what | figure |
            |---|---|
            | Lease timing | 15 s lease, 10 s renew deadline, 2 s retry (shipped) |
            | standby's Lease acquired after the leader was lost | {Seconds(takeover - lostAt)} (audit log) |
            | standby's first write to the rollout's namespace after the loss | {Seconds(firstWorkByB - lostAt)} (audit log) |
            | standby logged leadership after | {detected.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s (seen by the test) |
            | writes by the old leader after its renew deadline ({deadline:HH:mm:ss.fff}) | {late.Count} {string.Join(", ", late)} |
            | writes by the old leader to the namespace after it was lost | {lateBeforeTakeover.Count} |
            | writes by the old leader / new leader in all | {byA.Count} / {byB.Count} |
            | the old leader's write fence (first refusal of each term, from its log) | {(fenced.Count == 0 ? "none (no write was attempted after the loss)" : string.Join("; ", fenced))} |
            | invariant violations | {observer.Violations.Count} |

            """);

        Assert.Empty(observer.Violations);
        Assert.Empty(late);
        Assert.NotEqual(default, takeover);
        Assert.True(takeover > lostAt, $"takeover at {takeover:O}, leader lost at {lostAt:O}");
        Assert.Equal(stable == done.Status!.StableRS ? 0 : 1, observer.StepRuns.Count);
    }

    private Task<KubeUser> ReplicaIdentityAsync(string group) =>
        Plane.MintUserAsync(ShippedIdentities.UserName(ShippedIdentities.RolloutsServiceAccount), [.. ShippedIdentities.ServiceAccountGroups, group]);

    private static string Seconds(TimeSpan span) => span < TimeSpan.Zero || span > TimeSpan.FromDays(1) ? "none" : $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
