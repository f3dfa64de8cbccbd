using System.Text.Json.Nodes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.Sync;

/// <summary>Points the canary and stable Services at their ReplicaSet's pods through the pod-template-hash selector.</summary>
public sealed class ServiceSync(IKubernetesClient client)
{
    /// <summary>The rollouts-pod-template-hash the Service selects (null when its selector has none).</summary>
    /// <returns>Found is false when the Service does not exist.</returns>
    public async Task<(bool Found, string? PodHash)> ReadSelectorAsync(string @namespace, string serviceName, CancellationToken cancellationToken)
    {
        var service = await client.GetAsync<V1Service>(serviceName, @namespace, cancellationToken);
        return service is null ? (false, null) : (true, service.Spec?.Selector?.TryGetValue(RolloutLabels.PodTemplateHash, out var hash) == true ? hash : null);
    }

    /// <returns>Found is false when the Service does not exist; Previous is the hash it selected before ("" for none),
    /// null when it already selected <paramref name="podHash"/> and nothing was written.</returns>
    public async Task<(bool Found, string? Previous)> PointAtAsync(string @namespace, string serviceName, string podHash, CancellationToken cancellationToken)
    {
        var service = await client.GetAsync<V1Service>(serviceName, @namespace, cancellationToken);
        if (service is null)
        {
            return (false, null);
        }

        var current = service.Spec?.Selector?.TryGetValue(RolloutLabels.PodTemplateHash, out var hash) == true ? hash : "";
        if (current == podHash)
        {
            return (true, null);
        }

        var patch = new JsonObject { ["spec"] = new JsonObject { ["selector"] = new JsonObject { [RolloutLabels.PodTemplateHash] = podHash } } };
        await client.PatchAsync<V1Service>(serviceName, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
        return (true, current);
    }
}
