using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Kube.Http;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Serialization;
using Tollgate.Shared.Kube.Watch;

namespace Tollgate.Shared.Kube;

/// <summary>
/// Every verb on one resource, for a typed model or for <see cref="System.Text.Json.Nodes.JsonObject"/> (dynamic access).
/// </summary>
public sealed class ResourceClient<T>
    where T : class
{
    private readonly KubernetesHttp http;
    private readonly JsonTypeInfo<T> type;
    private readonly JsonTypeInfo<KubernetesList<T>> listType;
    private readonly Func<T, (string? Name, string? Namespace)> identify;

    internal ResourceClient(
        KubernetesHttp http,
        ResourceDescriptor resource,
        JsonTypeInfo<T> type,
        JsonTypeInfo<KubernetesList<T>> listType,
        Func<T, (string? Name, string? Namespace)> identify)
    {
        this.http = http;
        Resource = resource;
        this.type = type;
        this.listType = listType;
        this.identify = identify;
    }

    public ResourceDescriptor Resource { get; }

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<T?> GetAsync(string name, string? @namespace = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await http.SendAsync(HttpMethod.Get, Resource.ItemPath(name, @namespace), null, type, cancellationToken);
        }
        catch (KubernetesException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>One page; pass <see cref="ListOptions.Limit"/> and <see cref="ListOptions.Continue"/> to page.</summary>
    public Task<KubernetesList<T>> ListAsync(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString();
        options?.AppendTo(query);
        return http.SendAsync(HttpMethod.Get, Resource.CollectionPath(@namespace) + query, null, listType, cancellationToken);
    }

    /// <summary>Every item, following continue tokens page by page.</summary>
    public async IAsyncEnumerable<T> ListAllAsync(
        string? @namespace = null, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = options ?? new ListOptions();
        while (true)
        {
            var list = await ListAsync(@namespace, page, cancellationToken);
            foreach (var item in list.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(list.Metadata.Continue))
            {
                yield break;
            }

            page = page with { Continue = list.Metadata.Continue, ResourceVersion = null };
        }
    }

    public Task<T> CreateAsync(T entity, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (_, ns) = identify(entity);
        return http.SendAsync(HttpMethod.Post, Resource.CollectionPath(ns) + Query(options), http.JsonBody(entity, type), type, cancellationToken);
    }

    /// <summary>PUT: replaces the object; a stale metadata.resourceVersion fails with 409 Conflict.</summary>
    public Task<T> UpdateAsync(T entity, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        Put(entity, null, options, cancellationToken);

    /// <summary>PUT on the status subresource: only .status changes.</summary>
    public Task<T> UpdateStatusAsync(T entity, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        Put(entity, "status", options, cancellationToken);

    public Task<T> PatchAsync(
        string name, string? @namespace, KubernetesPatch patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchSubresourceAsync(name, @namespace, null, patch, options, cancellationToken);

    public Task<T> PatchStatusAsync(
        string name, string? @namespace, KubernetesPatch patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchSubresourceAsync(name, @namespace, "status", patch, options, cancellationToken);

    /// <summary>
    /// Deletes the object. Returns false when it did not exist; a failed precondition is a 409 Conflict.
    /// </summary>
    public async Task<bool> DeleteAsync(
        string name, string? @namespace = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = options is null ? null : http.JsonBody(options, ClientJsonContext.Default.DeleteOptions);
        try
        {
            using var response = await http.SendRawAsync(
                HttpMethod.Delete, Resource.ItemPath(name, @namespace), body, streaming: false, cancellationToken);
            return true;
        }
        catch (KubernetesException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Reads a subresource such as <c>scale</c> into <typeparamref name="TSub"/>.</summary>
    public Task<TSub> GetSubresourceAsync<TSub>(string name, string? @namespace, string subresource, CancellationToken cancellationToken = default) =>
        http.SendAsync(HttpMethod.Get, Resource.ItemPath(name, @namespace, subresource), null, http.Options.TypeInfo<TSub>(), cancellationToken);

    public Task<TSub> UpdateSubresourceAsync<TSub>(
        string name, string? @namespace, string subresource, TSub body, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var subType = http.Options.TypeInfo<TSub>();
        return http.SendAsync(
            HttpMethod.Put, Resource.ItemPath(name, @namespace, subresource) + Query(options), http.JsonBody(body, subType), subType, cancellationToken);
    }

    public Task<T> PatchSubresourceAsync(
        string name, string? @namespace, string? subresource, KubernetesPatch patch, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var content = new StringContent(patch.Body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(patch.ContentType);
        return http.SendAsync(HttpMethod.Patch, Resource.ItemPath(name, @namespace, subresource) + Query(options), content, type, cancellationToken);
    }

    /// <summary>
    /// One watch stream: ends when the server closes it. Throws <see cref="KubernetesException"/> with
    /// <see cref="KubernetesException.IsGone"/> when the resourceVersion is too old. See <see cref="ListWatch{T}"/> for
    /// a stream that resumes and re-lists by itself.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string? @namespace = null, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = new QueryString();
        query.Add("watch", "1");
        options?.AppendTo(query);
        query.Add("allowWatchBookmarks", options?.AllowWatchBookmarks == true ? "true" : null);
        using var response = await http.SendRawAsync(
            HttpMethod.Get, Resource.CollectionPath(@namespace) + query, null, streaming: true, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            yield return ParseWatchLine(line);
        }
    }

    internal WatchEvent<T> ParseWatchLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var eventType = root.GetProperty("type").GetString();
        var body = root.GetProperty("object");
        if (eventType == "ERROR")
        {
            var status = body.Deserialize(KubernetesJsonContext.Default.V1Status);
            throw new KubernetesException((System.Net.HttpStatusCode)(status?.Code ?? 500), status, $"watch of {Resource} failed: {line}");
        }

        var kind = eventType switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            _ => throw new KubernetesException($"watch of {Resource} sent an unknown event type \"{eventType}\""),
        };
        var resourceVersion = body.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("resourceVersion", out var rv)
            ? rv.GetString()
            : null;
        var entity = body.Deserialize(type) ?? throw new KubernetesException($"watch of {Resource} sent a null object");
        return new WatchEvent<T>(kind, entity, resourceVersion);
    }

    private Task<T> Put(T entity, string? subresource, WriteOptions? options, CancellationToken cancellationToken)
    {
        var (name, ns) = identify(entity);
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"{Resource.Kind} has no metadata.name", nameof(entity));
        }

        return http.SendAsync(
            HttpMethod.Put, Resource.ItemPath(name, ns, subresource) + Query(options), http.JsonBody(entity, type), type, cancellationToken);
    }

    private static string Query(WriteOptions? options)
    {
        var query = new QueryString();
        options?.AppendTo(query);
        return query.ToString();
    }
}
