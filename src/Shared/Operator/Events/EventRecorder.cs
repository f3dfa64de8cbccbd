using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Shared.Operator.Events;

/// <summary>
/// Writes core/v1 Events. A repeat of an event (same object, type, reason and message) still remembered in a small LRU
/// is a PATCH of the existing Event's count and lastTimestamp; if that Event is gone (expired), a new one is created.
/// Recording is best effort, as in client-go: an API failure is logged, never thrown.
/// </summary>
public sealed class EventRecorder : IEventRecorder, IDisposable
{
    private const string ClusterScopedEventNamespace = "default";
    private const int MaxNameLength = 253;
    private const int SuffixLength = 16;

    private readonly IKubernetesClient client;
    private readonly EventRecorderOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly LruCache<EventKey, RecordedEvent> recent;

    // One write at a time per event (a stripe of keys) keeps the count of a repeated event exact without a
    // read-modify-write per event, while the events of different objects are written side by side: one lock for the
    // whole process made every worker queue behind every other worker's event.
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];

    public EventRecorder(IKubernetesClient client, EventRecorderOptions options, ILogger<EventRecorder>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.options = options;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
        recent = new LruCache<EventKey, RecordedEvent>(options.CacheSize);
    }

    public async Task RecordAsync(
        IKubernetesObject<V1ObjectMeta> involvedObject, EventType type, string reason, string message, CancellationToken cancellationToken)
    {
        var reference = involvedObject.ToObjectReference();
        var key = new EventKey(reference.Uid ?? $"{reference.Kind}/{reference.Namespace}/{reference.Name}", type, reason, message);
        var serial = stripes[(key.GetHashCode() & int.MaxValue) % stripes.Length];
        await serial.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            int count;
            if (recent.TryGet(key, out var seen) && await TryIncrementAsync(seen, now, cancellationToken))
            {
                count = seen.Count + 1;
                recent.Set(key, seen with { Count = count });
            }
            else
            {
                count = await CreateAsync(key, reference, type, reason, message, now, cancellationToken);
            }
            logger.Recorded(reason, reference.Kind, reference.Namespace, reference.Name, count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.RecordFailed(reason, reference.Kind, reference.Namespace, reference.Name, e);
        }
        finally
        {
            serial.Release();
        }
    }

    public void Dispose()
    {
        foreach (var stripe in stripes)
        {
            stripe.Dispose();
        }
    }

    private async Task<bool> TryIncrementAsync(RecordedEvent seen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["count"] = seen.Count + 1,
            ["lastTimestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        try
        {
            await client.PatchAsync<Corev1Event>(seen.Name, seen.Namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
        }
        catch (KubernetesException e) when (e.IsNotFound)
        {
            return false;
        }

        return true;
    }

    private async Task<int> CreateAsync(
        EventKey key, V1ObjectReference reference, EventType type, string reason, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var @namespace = string.IsNullOrEmpty(reference.Namespace) ? ClusterScopedEventNamespace : reference.Namespace;
        var prefix = reference.Name ?? "unnamed";
        if (prefix.Length > MaxNameLength - SuffixLength - 1)
        {
            prefix = prefix[..(MaxNameLength - SuffixLength - 1)];
        }

        var created = await client.CreateAsync(
            new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = $"{prefix}.{RandomNumberGenerator.GetHexString(SuffixLength, lowercase: true)}", Namespace = @namespace },
                InvolvedObject = reference,
                Type = type.ToString(),
                Reason = reason,
                Message = message,
                Count = 1,
                FirstTimestamp = now,
                LastTimestamp = now,
                Source = new V1EventSource { Component = options.Component, Host = options.Instance },
                ReportingComponent = options.Component,
                ReportingInstance = options.Instance,
            },
            cancellationToken: cancellationToken);
        recent.Set(key, new RecordedEvent(@namespace, created.Metadata.Name!, 1, now));
        return 1;
    }
}
