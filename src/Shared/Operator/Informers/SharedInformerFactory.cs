using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Operator.Informers;

/// <summary>
/// One informer per kind, namespace and label selector, shared by everyone who asks. Informers asked for after
/// <see cref="Start"/> start at once.
/// </summary>
public sealed class SharedInformerFactory(
    IKubernetesClient client, ILoggerFactory? loggerFactory = null, TimeProvider? time = null, int watchTimeoutSeconds = 300) : IAsyncDisposable, IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<(Type Kind, string? Namespace, string? LabelSelector), ISharedInformer> informers = [];
    private bool started;

    public IReadOnlyCollection<ISharedInformer> Informers
    {
        get
        {
            lock (gate)
            {
                return [.. informers.Values];
            }
        }
    }

    public ISharedInformer<T> GetInformer<T>(string? @namespace = null, string? labelSelector = null)
        where T : class, IKubernetesResource<T>
    {
        var key = (typeof(T), string.IsNullOrEmpty(@namespace) ? null : @namespace, string.IsNullOrEmpty(labelSelector) ? null : labelSelector);
        lock (gate)
        {
            if (!informers.TryGetValue(key, out var informer))
            {
                informer = new SharedInformer<T>(
                    client,
                    new SharedInformerOptions { Namespace = key.Item2, LabelSelector = key.Item3, WatchTimeoutSeconds = watchTimeoutSeconds },
                    (ILogger?)loggerFactory?.CreateLogger<SharedInformer<T>>() ?? NullLogger.Instance,
                    time);
                informers[key] = informer;
                if (started)
                {
                    informer.Start();
                }
            }

            return (ISharedInformer<T>)informer;
        }
    }

    public void Start()
    {
        lock (gate)
        {
            started = true;
            foreach (var informer in informers.Values)
            {
                informer.Start();
            }
        }
    }

    /// <summary>Waits until every informer created so far holds its first full list.</summary>
    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Informers.Select(i => i.WaitForCacheSyncAsync(cancellationToken)));

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            started = false;
        }

        await Task.WhenAll(Informers.Select(i => i.StopAsync(cancellationToken)));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Stops every informer without waiting for them to wind down.</summary>
    public void Dispose()
    {
        foreach (var informer in Informers.OfType<IDisposable>())
        {
            informer.Dispose();
        }
    }
}
