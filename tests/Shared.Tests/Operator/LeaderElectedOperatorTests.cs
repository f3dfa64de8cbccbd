using Microsoft.Extensions.DependencyInjection;
using Tollgate.Shared.Operator.LeaderElection;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Operator;

public sealed class LeaderElectedOperatorTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    [Fact]
    public async Task Operator_TwoReplicas_OnlyLeaderReconcilesAndStandbyTakesOverWhenLeaderStops()
    {
        var scriptA = new WidgetScript { Instance = "a" };
        var scriptB = new WidgetScript { Instance = "b" };
        var hostA = await StartReplicaAsync(scriptA);
        var hostB = await StartReplicaAsync(scriptB);
        var electorA = hostA.Services.GetRequiredService<LeaderElector>();
        var electorB = hostB.Services.GetRequiredService<LeaderElector>();
        await TestWait.UntilAsync("a leader", () => electorA.IsLeader || electorB.IsLeader, Wait);
        var (leaderHost, leaderScript, standbyScript, standby) = electorA.IsLeader
            ? (hostA, scriptA, scriptB, electorB)
            : (hostB, scriptB, scriptA, electorA);

        await Client.CreateAsync(Widget.Named("first", Namespace), cancellationToken: Timeout());
        await TestWait.UntilAsync("the leader to reconcile first", () => leaderScript.Reconciles("first") >= 1, Wait);
        Assert.Equal(0, standbyScript.Reconciles("first"));

        await StopAsync(leaderHost);
        await TestWait.UntilAsync("the standby to lead", () => standby.IsLeader, Wait);
        await Client.CreateAsync(Widget.Named("second", Namespace), cancellationToken: Timeout());

        await TestWait.UntilAsync("the new leader to reconcile second", () => standbyScript.Reconciles("second") >= 1, Wait);
        await TestWait.UntilAsync("the new leader to catch up on first", () => standbyScript.Reconciles("first") >= 1, Wait);
        Assert.Equal(0, leaderScript.Reconciles("second"));
    }

    private Task<Microsoft.Extensions.Hosting.IHost> StartReplicaAsync(WidgetScript script) =>
        StartOperatorAsync(
            script,
            o => o.AddController<ScriptedWidgetController, Widget>(),
            options =>
            {
                options.EnableLeaderElection = true;
                options.LeaseName = "widget-operator";
                options.LeaseDuration = TimeSpan.FromSeconds(60);
                options.RenewDeadline = TimeSpan.FromSeconds(40);
                options.RetryPeriod = TimeSpan.FromMilliseconds(500);
            });
}
