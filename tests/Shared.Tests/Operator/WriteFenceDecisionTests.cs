using Tollgate.Shared.Operator.LeaderElection;

namespace Tollgate.Shared.Tests.Operator;

public sealed class WriteFenceDecisionTests
{
    private const string Lease = "/apis/coordination.k8s.io/v1/namespaces/tollgate-system/leases/tollgate-rollouts";
    private const string Leases = "/apis/coordination.k8s.io/v1/namespaces/tollgate-system/leases";
    private const string Rollout = "/apis/argoproj.io/v1alpha1/namespaces/prod/rollouts/web/status";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Method, path, leading, seconds since the last renew, whether it may be sent, and a word of the reason.</summary>
    public static TheoryData<string, string, bool, double, bool, string?> Cases => new()
    {
        // Reads are never fenced, whatever the leadership.
        { "GET", Rollout, false, 0, true, null },
        { "GET", Rollout, true, 60, true, null },
        { "HEAD", Rollout, false, 60, true, null },

        // The leader within its deadline writes.
        { "PUT", Rollout, true, 0, true, null },
        { "PATCH", Rollout, true, 9.9, true, null },
        { "POST", "/api/v1/namespaces/prod/events", true, 5, true, null },
        { "DELETE", "/apis/apps/v1/namespaces/prod/replicasets/web-1", true, 9.99, true, null },

        // Past the deadline (frozen before its renew loop noticed), nothing but the Lease leaves.
        { "PUT", Rollout, true, 10, false, "renewed 10.0s ago" },
        { "PATCH", Rollout, true, 17.3, false, "renewed 17.3s ago" },
        { "POST", "/api/v1/namespaces/prod/events", true, 11, false, "renew deadline" },
        { "DELETE", "/apis/apps/v1/namespaces/prod/replicasets/web-1", true, 3600, false, "renew deadline" },

        // Not leading (before the first acquisition, or after a loss): no write.
        { "PUT", Rollout, false, 0, false, "does not lead" },
        { "POST", "/api/v1/namespaces/prod/pods/web-1/eviction", false, 1, false, "does not lead" },

        // The Lease's own requests: the renew, the create when there is none, the release, even past the deadline.
        { "PUT", Lease, true, 30, true, null },
        { "PUT", Lease, false, 30, true, null },
        { "PUT", Lease + "?fieldManager=tollgate", false, 30, true, null },
        { "POST", Leases, false, 0, true, null },

        // Other Leases and other verbs on the Lease are ordinary writes.
        { "DELETE", Lease, false, 0, false, "does not lead" },
        { "PATCH", Lease, true, 12, false, "renew deadline" },
        { "PUT", Lease + "-other", false, 0, false, "does not lead" },
        { "POST", "/apis/coordination.k8s.io/v1/namespaces/other/leases", false, 0, false, "does not lead" },
        { "PUT", Lease + "/status", false, 0, false, "does not lead" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_MethodPathAndLeadership_AllowsOrRefusesWithReason(
        string method, string path, bool leading, double secondsSinceRenewal, bool allowed, string? reasonPart)
    {
        var decision = WriteFenceDecision.Decide(
            method, path, Lease, Leases, new LeaseFenceState(leading, TimeSpan.FromSeconds(secondsSinceRenewal)), Deadline);

        Assert.Equal(allowed, decision.Allowed);
        if (reasonPart is null)
        {
            Assert.Null(decision.Reason);
        }
        else
        {
            Assert.Contains(reasonPart, decision.Reason, StringComparison.Ordinal);
        }
    }
}
