using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.LeaderElection;

/// <summary>
/// The client-side write fence of a leader-elected replica (<see cref="WriteFenceDecision"/> decides): installed on the
/// operator's Kubernetes client, it refuses every mutating request but the Lease's own while this replica is not a
/// leader within its renew deadline. The first refusal of each leadership term (and the one before the first) is
/// logged with its reason; a fresh acquisition of the Lease opens the fence again.
/// </summary>
public sealed class LeaderWriteFence : IWriteFence
{
    private readonly LeaderElector elector;
    private readonly ILogger logger;
    private readonly string leaseItemPath;
    private readonly string leaseCollectionPath;
    private long loggedTerm = -1;

    public LeaderWriteFence(LeaderElector elector, ILogger<LeaderWriteFence>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(elector);
        this.elector = elector;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        var options = elector.Options;
        leaseItemPath = V1Lease.Resource.ItemPath(options.LeaseName, options.LeaseNamespace);
        leaseCollectionPath = V1Lease.Resource.CollectionPath(options.LeaseNamespace);
    }

    public string? Refusal(HttpMethod method, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(method);
        var (state, term) = elector.FenceState();
        var decision = WriteFenceDecision.Decide(method.Method, pathAndQuery, leaseItemPath, leaseCollectionPath, state, elector.Options.RenewDeadline);
        if (decision.Allowed)
        {
            return null;
        }

        if (Interlocked.Exchange(ref loggedTerm, term) != term)
        {
            logger.WritesRefused(elector.Identity, elector.Options.LeaseNamespace, elector.Options.LeaseName, decision.Reason!, method.Method, pathAndQuery);
        }

        return decision.Reason;
    }
}
