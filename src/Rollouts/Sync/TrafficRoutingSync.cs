using Microsoft.Extensions.Logging;
using Tollgate.Rollouts.Controllers;
using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.TrafficRouting;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;

namespace Tollgate.Rollouts.Sync;

/// <summary>Applies a canary weight through every router the Rollout names; a router that cannot route stops the rest.</summary>
public sealed class TrafficRoutingSync(IKubernetesClient client, ILogger<TrafficRoutingSync> logger)
{
    /// <returns>Why the weight could not be routed (the router's object is missing, malformed or not ours); null when routed.</returns>
    public async Task<string?> SetWeightAsync(Rollout rollout, int weight, Func<RolloutEvent, CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(record);
        var @namespace = rollout.Metadata.Namespace ?? "";
        var name = rollout.Metadata.Name ?? "";
        foreach (var router in TrafficRouters.For(new RouterContext(rollout, client, record)))
        {
            try
            {
                await router.SetWeightAsync(weight, cancellationToken);
                logger.Routed(@namespace, name, router.Type, weight);
            }
            catch (Exception exception) when (exception is TrafficRoutingException or KubernetesException { IsConflict: false })
            {
                var message = $"{router.Type}: {exception.Message}";
                await record(new RolloutEvent(true, "TrafficRoutingError", message), cancellationToken);
                return message;
            }
        }

        return null;
    }
}
