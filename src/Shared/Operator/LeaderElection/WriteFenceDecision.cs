using System.Globalization;

namespace Tollgate.Shared.Operator.LeaderElection;

/// <summary>
/// The pure "may this process write now" of a leader-elected replica. Reads always pass, and so do the elector's own
/// requests on its Lease (the renew that keeps it leader, the create on first start, the release). Any other POST, PUT,
/// PATCH or DELETE passes only while this replica leads and has renewed the Lease within the renew deadline: a leader
/// frozen past that deadline (SIGSTOP, a long GC pause, a stalled node) may have been replaced, since a standby takes
/// over a lease duration after the last renew it saw, and the renew deadline is shorter than the lease duration.
/// </summary>
public sealed record WriteFenceDecision(bool Allowed, string? Reason)
{
    private static readonly WriteFenceDecision Allow = new(true, null);

    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The request's path, query included.</param>
    /// <param name="leaseItemPath">The elector's Lease, for example <c>/apis/coordination.k8s.io/v1/namespaces/ns/leases/name</c>.</param>
    /// <param name="leaseCollectionPath">Where the elector creates its Lease when there is none.</param>
    /// <param name="state">Leadership as the elector sees it now.</param>
    /// <param name="renewDeadline">The elector's renew deadline.</param>
    public static WriteFenceDecision Decide(
        string method, string pathAndQuery, string leaseItemPath, string leaseCollectionPath, LeaseFenceState state, TimeSpan renewDeadline)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        ArgumentNullException.ThrowIfNull(state);
        if (!IsMutating(method))
        {
            return Allow;
        }

        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        if ((method is "PUT" && path == leaseItemPath) || (method is "POST" && path == leaseCollectionPath))
        {
            return Allow;
        }

        if (!state.Leading)
        {
            return new(false, "this replica does not lead");
        }

        return state.SinceRenewal >= renewDeadline
            ? new(false, string.Create(
                CultureInfo.InvariantCulture,
                $"the Lease was last renewed {state.SinceRenewal.TotalSeconds:0.0}s ago, not within the {renewDeadline.TotalSeconds:0.#}s renew deadline"))
            : Allow;
    }

    private static bool IsMutating(string method) => method is "POST" or "PUT" or "PATCH" or "DELETE";
}
