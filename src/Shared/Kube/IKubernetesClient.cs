using System.Text.Json.Nodes;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Kube.Discovery;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Watch;

namespace Tollgate.Shared.Kube;

/// <summary>
/// The Kubernetes API, shaped like KubeOps' IKubernetesClient: generic verbs for kinds known at compile time, and
/// <see cref="Resource(ResourceDescriptor)"/> for dynamic JSON access to anything else.
/// </summary>
public interface IKubernetesClient : IDisposable
{
    KubernetesClientConfiguration Configuration { get; }

    DiscoveryClient Discovery { get; }

    ResourceClient<T> Resource<T>()
        where T : class, IKubernetesResource<T>;

    ResourceClient<JsonObject> Resource(ResourceDescriptor resource);

    Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    Task<T> CreateAsync<T>(T entity, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    Task<T> UpdateAsync<T>(T entity, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    Task<T> UpdateStatusAsync<T>(T entity, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    Task<T> PatchAsync<T>(string name, string? @namespace, KubernetesPatch patch, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    Task<bool> DeleteAsync<T>(string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    Task<V1Scale> GetScaleAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    Task<V1Scale> UpdateScaleAsync<T>(string name, string? @namespace, V1Scale scale, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T>;

    /// <summary>
    /// From now on every request is first put to <paramref name="fence"/>, and one it refuses fails with a
    /// <see cref="KubernetesException"/> without being sent. At most one fence per client.
    /// </summary>
    void UseWriteFence(IWriteFence fence);

    /// <summary>GET of a raw API path such as <c>/readyz</c> or <c>/version</c>; returns the body text.</summary>
    Task<string> GetRawAsync(string pathAndQuery, CancellationToken cancellationToken = default);
}
