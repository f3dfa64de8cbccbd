using Tollgate.Rollouts.Controllers;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.Sync;

/// <summary>spec.restartAt: deletes pods created before it, no more at once than maxUnavailable allows.</summary>
public sealed class PodRestarter(IKubernetesClient client)
{
    /// <returns>True when no pod older than <paramref name="restartAt"/> is left.</returns>
    public async Task<bool> RestartOlderPodsAsync(RolloutContext context, DateTimeOffset restartAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var selector = string.Join(",", context.Selector.Select(p => $"{p.Key}={p.Value}"));
        var pods = await client.ListAsync<V1Pod>(context.Namespace, new ListOptions { LabelSelector = selector }, cancellationToken);
        var old = pods.Items.Where(p => p.Metadata.DeletionTimestamp is null && p.Metadata.CreationTimestamp < restartAt).ToList();
        if (old.Count == 0)
        {
            return true;
        }

        var available = context.ReplicaSets.Values.Sum(rs => rs.Status?.AvailableReplicas ?? 0);
        var budget = Math.Max(1, context.Limits.MaxUnavailable) - Math.Max(0, context.SpecReplicas - available);
        foreach (var pod in old.Take(Math.Max(0, budget)))
        {
            await client.DeleteAsync<V1Pod>(pod.Metadata.Name!, context.Namespace, cancellationToken: cancellationToken);
        }

        return false;
    }
}
