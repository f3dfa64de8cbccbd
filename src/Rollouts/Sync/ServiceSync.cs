using System.Text.Json.Nodes;
using Tollgate.Rollouts.Controllers;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.Sync;

/// <summary>
/// Points the canary and stable Services at their ReplicaSet's pods through the pod-template-hash selector. Reads come
/// from the Service cache; a Service the cache does not hold (not there yet, or really missing) is asked of the API,
/// so "not found" is still the API server's answer.
/// </summary>
public sealed class ServiceSync(IKubernetesClient client, RolloutCaches caches)
{
    private readonly WrittenSelectors written = new();

    /// <summary>The rollouts-pod-template-hash the Service selects (null when its selector has none).</summary>
    /// <returns>Found is false when the Service does not exist.</returns>
    public async Task<(bool Found, string? PodHash)> ReadSelectorAsync(string @namespace, string serviceName, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(@namespace, serviceName, cancellationToken);
        return (read.Found, read.PodHash);
    }

    /// <returns>Found is false when the Service does not exist; Previous is the hash it selected before ("" for none),
    /// null when it already selected <paramref name="podHash"/> and nothing was written.</returns>
    public async Task<(bool Found, string? Previous)> PointAtAsync(string @namespace, string serviceName, string podHash, CancellationToken cancellationToken)
    {
        var (found, selected, version) = await ReadAsync(@namespace, serviceName, cancellationToken);
        if (!found)
        {
            return (false, null);
        }

        var current = selected ?? "";
        if (current == podHash)
        {
            return (true, null);
        }

        var patch = new JsonObject { ["spec"] = new JsonObject { ["selector"] = new JsonObject { [RolloutLabels.PodTemplateHash] = podHash } } };
        try
        {
            await client.PatchAsync<V1Service>(serviceName, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
        }
        catch (KubernetesException exception) when (exception.IsNotFound)
        {
            // Deleted since the cache last saw it.
            return (false, null);
        }

        written.Record(@namespace, serviceName, version, podHash);
        return (true, current);
    }

    private async Task<(bool Found, string? PodHash, string? Version)> ReadAsync(string @namespace, string serviceName, CancellationToken cancellationToken)
    {
        if (caches.Services.Get(@namespace, serviceName) is { } cached)
        {
            var version = cached.Metadata.ResourceVersion;
            return (true, written.Resolve(@namespace, serviceName, version, Selected(cached.Spec?.Selector)), version);
        }

        var service = await client.GetAsync<V1Service>(serviceName, @namespace, cancellationToken);
        return service is null
            ? (false, null, null)
            : (true, written.Resolve(@namespace, serviceName, service.Metadata?.ResourceVersion, Selected(service.Spec?.Selector)), service.Metadata?.ResourceVersion);
    }

    private static string? Selected(IDictionary<string, string>? selector) =>
        selector?.TryGetValue(RolloutLabels.PodTemplateHash, out var hash) == true ? hash : null;
}
