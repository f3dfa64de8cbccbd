using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Kube.Discovery;
using Tollgate.Shared.Kube.Http;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Serialization;
using Tollgate.Shared.Kube.Watch;

namespace Tollgate.Shared.Kube;

/// <summary>The client: one pooled connection set per configuration; thread-safe; dispose once at shutdown.</summary>
public sealed class KubernetesClient : IKubernetesClient
{
    private readonly KubernetesHttp http;
    private readonly ConcurrentDictionary<Type, object> typedClients = new();
    private readonly ConcurrentDictionary<ResourceDescriptor, ResourceClient<JsonObject>> dynamicClients = new();
    private int fenced;

    /// <param name="configuration">Where the API server is and how to authenticate.</param>
    /// <param name="resolvers">Source-generated contexts for the caller's own kinds (CRDs); built-ins are always known.</param>
    /// <exception cref="KubeConfigException">The TLS or client-certificate settings cannot be used.</exception>
    public KubernetesClient(KubernetesClientConfiguration configuration, params IJsonTypeInfoResolver[] resolvers)
    {
        Configuration = configuration;
        http = new KubernetesHttp(configuration, KubernetesJson.CreateOptions(resolvers));
        Discovery = new DiscoveryClient(http);
    }

    public KubernetesClientConfiguration Configuration { get; }

    public DiscoveryClient Discovery { get; }

    public JsonSerializerOptions SerializerOptions => http.Options;

    public ResourceClient<T> Resource<T>()
        where T : class, IKubernetesResource<T> =>
        (ResourceClient<T>)typedClients.GetOrAdd(
            typeof(T),
            static (_, h) => new ResourceClient<T>(
                h,
                T.Resource,
                h.Options.TypeInfo<T>(),
                h.Options.TypeInfo<KubernetesList<T>>(),
                static e => (e.Metadata.Name, e.Metadata.Namespace)),
            http);

    public ResourceClient<JsonObject> Resource(ResourceDescriptor resource) =>
        dynamicClients.GetOrAdd(
            resource,
            static (r, h) => new ResourceClient<JsonObject>(
                h,
                r,
                KubernetesJsonContext.Default.JsonObject,
                KubernetesJsonContext.Default.KubernetesListJsonObject,
                static o => (o["metadata"]?["name"]?.GetValue<string>(), o["metadata"]?["namespace"]?.GetValue<string>())),
            http);

    public Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().GetAsync(name, @namespace, cancellationToken);

    public Task<KubernetesList<T>> ListAsync<T>(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().ListAsync(@namespace, options, cancellationToken);

    public Task<T> CreateAsync<T>(T entity, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().CreateAsync(entity, options, cancellationToken);

    public Task<T> UpdateAsync<T>(T entity, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().UpdateAsync(entity, options, cancellationToken);

    public Task<T> UpdateStatusAsync<T>(T entity, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().UpdateStatusAsync(entity, options, cancellationToken);

    public Task<T> PatchAsync<T>(
        string name, string? @namespace, KubernetesPatch patch, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().PatchAsync(name, @namespace, patch, options, cancellationToken);

    public Task<bool> DeleteAsync<T>(
        string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().DeleteAsync(name, @namespace, options, cancellationToken);

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().WatchAsync(@namespace, options, cancellationToken);

    public Task<V1Scale> GetScaleAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().GetSubresourceAsync<V1Scale>(name, @namespace, "scale", cancellationToken);

    public Task<V1Scale> UpdateScaleAsync<T>(
        string name, string? @namespace, V1Scale scale, WriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesResource<T> =>
        Resource<T>().UpdateSubresourceAsync(name, @namespace, "scale", scale, options, cancellationToken);

    public void UseWriteFence(IWriteFence fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        if (Interlocked.CompareExchange(ref fenced, 1, 0) != 0)
        {
            throw new InvalidOperationException("this client already has a write fence");
        }

        http.Fence = fence;
    }

    public async Task<string> GetRawAsync(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        using var response = await http.SendRawAsync(HttpMethod.Get, pathAndQuery, null, streaming: false, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public void Dispose() => http.Dispose();
}
