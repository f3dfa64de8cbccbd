using System.Collections.Concurrent;
using Tollgate.Shared.Kube.Http;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Kube.Discovery;

/// <summary>
/// Maps apiVersion + kind (or + plural resource) to a <see cref="ResourceDescriptor"/>, one discovery call per group
/// version, cached; a miss refreshes that group version once (for CRDs created after the first look).
/// </summary>
public sealed class DiscoveryClient
{
    private readonly KubernetesHttp http;
    private readonly ConcurrentDictionary<string, IReadOnlyList<ResourceDescriptor>> byGroupVersion = new(StringComparer.Ordinal);

    internal DiscoveryClient(KubernetesHttp http) => this.http = http;

    public async Task<ResourceDescriptor> ResolveKindAsync(string apiVersion, string kind, CancellationToken cancellationToken = default) =>
        await FindAsync(apiVersion, r => r.Kind == kind, cancellationToken)
        ?? throw new KubernetesException($"the server has no resource for kind {kind} in {apiVersion}");

    public async Task<ResourceDescriptor> ResolveResourceAsync(string apiVersion, string plural, CancellationToken cancellationToken = default) =>
        await FindAsync(apiVersion, r => r.Plural == plural, cancellationToken)
        ?? throw new KubernetesException($"the server has no resource {plural} in {apiVersion}");

    /// <summary>Forgets everything, for example after CRDs were removed.</summary>
    public void Invalidate() => byGroupVersion.Clear();

    private async Task<ResourceDescriptor?> FindAsync(string apiVersion, Func<ResourceDescriptor, bool> match, CancellationToken cancellationToken)
    {
        if (byGroupVersion.TryGetValue(apiVersion, out var cached) && cached.FirstOrDefault(match) is { } hit)
        {
            return hit;
        }

        var fresh = await LoadAsync(apiVersion, cancellationToken);
        byGroupVersion[apiVersion] = fresh;
        return fresh.FirstOrDefault(match);
    }

    private async Task<IReadOnlyList<ResourceDescriptor>> LoadAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        try
        {
            var list = await http.SendAsync(HttpMethod.Get, path, null, ClientJsonContext.Default.V1APIResourceList, cancellationToken);
            return list.Resources
                .Where(r => !r.Name.Contains('/', StringComparison.Ordinal))
                .Select(r => new ResourceDescriptor(group, version, r.Kind, r.Name, r.Namespaced))
                .ToList();
        }
        catch (KubernetesException e) when (e.IsNotFound)
        {
            return [];
        }
    }
}
