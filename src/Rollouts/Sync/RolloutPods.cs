using System.Text.Json.Nodes;
using Tollgate.Rollouts.Status;
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
        var selector = RolloutStatusCalculator.Selector(rollout);
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

    /// <summary>Deletes the pod (its ReplicaSet replaces it); one already gone is fine.</summary>
    public Task DeleteAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        client.DeleteAsync<V1Pod>(name, @namespace, cancellationToken: cancellationToken);

    /// <summary>
    /// Puts a role's canary/stable metadata on a ReplicaSet's pod template (remembering it in an annotation) and on its
    /// live pods in place; patches carry only the keys that change.
    /// </summary>
    public async Task SyncMetadataAsync(Rollout rollout, SyncPodMetadata sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(sync);
        var @namespace = rollout.Metadata.Namespace;
        var replicaSet = await client.GetAsync<V1ReplicaSet>(sync.Name, @namespace, cancellationToken);
        if (replicaSet?.Spec?.Template is null)
        {
            return;
        }

        // The template first (new pods are born right), then the running pods, and the record of what was injected last,
        // so a failure anywhere leaves the record stale and the next reconcile does it all again.
        var template = replicaSet.Spec.Template.Metadata ?? new V1ObjectMeta();
        if (MetadataPatch(template.Labels, template.Annotations, sync.Previous, sync.Desired) is { } templatePatch)
        {
            var patch = new JsonObject { ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = templatePatch } } };
            await client.PatchAsync<V1ReplicaSet>(sync.Name, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
        }

        if ((replicaSet.Spec.Replicas ?? 0) > 0)
        {
            var owned = await client.ListAsync<V1Pod>(@namespace, new ListOptions { LabelSelector = $"{RolloutLabels.PodTemplateHash}={sync.PodHash}" }, cancellationToken);
            foreach (var pod in owned.Items.Where(p => p.Metadata.DeletionTimestamp is null && p.Metadata.OwnerReferences?.Any(o => o.Uid == replicaSet.Metadata.Uid) == true))
            {
                if (MetadataPatch(pod.Metadata.Labels, pod.Metadata.Annotations, sync.Previous, sync.Desired) is { } podPatch)
                {
                    try
                    {
                        await client.PatchAsync<V1Pod>(pod.Metadata.Name!, @namespace, KubernetesPatch.Merge(new JsonObject { ["metadata"] = podPatch }), cancellationToken: cancellationToken);
                    }
                    catch (KubernetesException exception) when (exception.IsNotFound)
                    {
                    }
                }
            }
        }

        var record = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [EphemeralMetadata.Annotation] = sync.Desired } } };
        await client.PatchAsync<V1ReplicaSet>(sync.Name, @namespace, KubernetesPatch.Merge(record), cancellationToken: cancellationToken);
    }

    /// <summary>A merge patch of metadata taking <paramref name="labels"/>/<paramref name="annotations"/> to the synced state; null when nothing changes.</summary>
    private static JsonObject? MetadataPatch(IDictionary<string, string>? labels, IDictionary<string, string>? annotations, string? previous, string? desired)
    {
        var newLabels = new Dictionary<string, string>(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var newAnnotations = new Dictionary<string, string>(annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (!EphemeralMetadata.Apply(newLabels, newAnnotations, previous, desired))
        {
            return null;
        }

        return new JsonObject { ["labels"] = Diff(labels, newLabels), ["annotations"] = Diff(annotations, newAnnotations) };
    }

    private static JsonObject Diff(IDictionary<string, string>? before, Dictionary<string, string> after)
    {
        var diff = new JsonObject();
        foreach (var (key, value) in after.Where(pair => before is null || !before.TryGetValue(pair.Key, out var old) || old != pair.Value))
        {
            diff[key] = value;
        }

        foreach (var key in (before?.Keys ?? []).Where(k => !after.ContainsKey(k)))
        {
            diff[key] = null;
        }

        return diff;
    }
}
