using Microsoft.Extensions.Logging;
using Tollgate.Rollouts.Controllers;
using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.TrafficRouting;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;
using Tollgate.Shared.Kube;

namespace Tollgate.Rollouts.Sync;

/// <summary>Applies a canary weight through every router the Rollout names; a router that cannot route stops the rest.</summary>
public sealed class TrafficRoutingSync(IKubernetesClient client, ILogger<TrafficRoutingSync> logger)
{
    /// <returns>Why the weight could not be routed (the router's object is missing, malformed or not ours); null when routed.</returns>
    public Task<string?> SetWeightAsync(Rollout rollout, int weight, Func<RolloutEvent, CancellationToken, Task> record, CancellationToken cancellationToken) =>
        ForEachAsync(rollout, record, async router =>
        {
            await router.SetWeightAsync(weight, cancellationToken);
            logger.Routed(rollout.Metadata.Namespace ?? "", rollout.Metadata.Name ?? "", router.Type, weight);
        }, cancellationToken);

    /// <returns>Why the header route could not be set; null when set.</returns>
    public Task<string?> SetHeaderRouteAsync(Rollout rollout, SetHeaderRoute route, Func<RolloutEvent, CancellationToken, Task> record, CancellationToken cancellationToken) =>
        ForEachAsync(rollout, record, router => router is IHeaderRouter headers ? headers.SetHeaderRouteAsync(route, cancellationToken) : Task.CompletedTask, cancellationToken);

    /// <returns>Why the mirror route could not be set; null when set.</returns>
    public Task<string?> SetMirrorRouteAsync(Rollout rollout, SetMirrorRoute route, Func<RolloutEvent, CancellationToken, Task> record, CancellationToken cancellationToken) =>
        ForEachAsync(rollout, record, router => router is IMirrorRouter mirrors ? mirrors.SetMirrorRouteAsync(route, cancellationToken) : Task.CompletedTask, cancellationToken);

    /// <returns>Why the subsets could not follow the hashes; null when they do.</returns>
    public Task<string?> UpdateHashAsync(Rollout rollout, string canaryHash, string stableHash, Func<RolloutEvent, CancellationToken, Task> record, CancellationToken cancellationToken) =>
        ForEachAsync(rollout, record, router => router is ISubsetRouter subsets ? subsets.UpdateHashAsync(canaryHash, stableHash, cancellationToken) : Task.CompletedTask, cancellationToken);

    /// <returns>Why the managed routes could not be removed; null when removed.</returns>
    public Task<string?> RemoveManagedRoutesAsync(Rollout rollout, Func<RolloutEvent, CancellationToken, Task> record, CancellationToken cancellationToken) =>
        ForEachAsync(rollout, record, router => router is IManagedRouter managed ? managed.RemoveManagedRoutesAsync(cancellationToken) : Task.CompletedTask, cancellationToken);

    private async Task<string?> ForEachAsync(Rollout rollout, Func<RolloutEvent, CancellationToken, Task> record, Func<ITrafficRouter, Task> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(record);
        foreach (var router in TrafficRouters.For(new RouterContext(rollout, client, record)))
        {
            try
            {
                await act(router);
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
