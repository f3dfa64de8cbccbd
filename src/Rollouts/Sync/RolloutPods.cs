using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.Sync;

/// <summary>The pods of a rollout, read and deleted only for spec.restartAt (they are not cached: restarts are rare).</summary>
public sealed class RolloutPods(IKubernetesClient client)
{
    /// <summary>The live pods that the rollout's ReplicaSets own, with whether each is available as Kubernetes counts it.</summary>
    public async Task<IReadOnlyList<ObservedPod>> ListAsync(Rollout rollout, IReadOnlySet<string> replicaSetUids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(replicaSetUids);
        var selector = RolloutSelector(rollout);
        var pods = await client.ListAsync<V1Pod>(rollout.Metadata.Namespace, new ListOptions { LabelSelector = selector }, cancellationToken);
        var minReady = TimeSpan.FromSeconds(rollout.Spec.MinReadySeconds ?? 0);
        return pods.Items
            .Where(p => p.Metadata.OwnerReferences?.Any(o => replicaSetUids.Contains(o.Uid)) == true)
            .Select(p => new ObservedPod(
                p.Metadata.Name!,
                p.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue,
                p.Metadata.DeletionTimestamp is not null,
                p.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready") is { Status: "True" } ready
                    && (ready.LastTransitionTime ?? DateTimeOffset.MinValue) + minReady <= now))
            .ToList();
    }

    public async Task DeleteAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync<V1Pod>(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (KubernetesException exception) when (exception.IsNotFound)
        {
        }
    }

    private static string RolloutSelector(Rollout rollout) => Strategy.RolloutStatusCalculator.Selector(rollout);
}
