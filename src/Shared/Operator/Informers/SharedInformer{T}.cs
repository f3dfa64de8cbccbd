using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Watch;

namespace Tollgate.Shared.Operator.Informers;

/// <summary>
/// Lists and watches one kind (through <see cref="ListWatch{T}"/>, which resumes and re-lists), keeps an indexed
/// in-memory cache and tells handlers about every change. Re-lists are diffed against the cache, so objects deleted
/// while the watch was down still reach <see cref="IInformerEventHandler{T}.OnDelete"/>.
/// </summary>
public sealed class SharedInformer<T> : ISharedInformer<T>, IAsyncDisposable, IDisposable
    where T : class, IKubernetesResource<T>
{
    private static readonly TimeSpan PumpRestartDelay = TimeSpan.FromSeconds(5);

    private readonly IndexedCache<T> cache = new();
    private readonly Lock dispatchGate = new();
    private readonly Lock lifecycleGate = new();
    private readonly List<IInformerEventHandler<T>> handlers = [];
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ListWatch<T> listWatch;
    private readonly SharedInformerOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private CancellationTokenSource? stopping;
    private Task? pump;

    public SharedInformer(IKubernetesClient client, SharedInformerOptions? options = null, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.options = options ?? new SharedInformerOptions();
        this.logger = logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
        Description = DescribeWatch(this.options);
        listWatch = new ListWatch<T>(client.Resource<T>(), this.time)
        {
            WatchTimeoutSeconds = this.options.WatchTimeoutSeconds,
            OnRetry = (error, backoff) => this.logger.ListWatchRetry(Description, backoff, error),
            OnRelist = () => this.logger.Relisting(Description),
        };
    }

    public string Description { get; }

    public bool HasSynced => synced.Task.IsCompleted;

    public IIndexedCache<T> Cache => cache;

    public void AddEventHandler(IInformerEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (dispatchGate)
        {
            foreach (var entity in cache.List())
            {
                Deliver(handler, new CacheChange<T>(CacheChangeType.Added, null, entity));
            }

            handlers.Add(handler);
        }
    }

    public void RemoveEventHandler(IInformerEventHandler<T> handler)
    {
        lock (dispatchGate)
        {
            handlers.Remove(handler);
        }
    }

    public void Start()
    {
        lock (lifecycleGate)
        {
            if (pump is not null)
            {
                return;
            }

            stopping = new CancellationTokenSource();
            var token = stopping.Token;
            pump = Task.Run(() => PumpAsync(token), CancellationToken.None);
        }
    }

    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken) => synced.Task.WaitAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        CancellationTokenSource? cts;
        Task? running;
        lock (lifecycleGate)
        {
            (cts, running) = (stopping, pump);
            (stopping, pump) = (null, null);
        }

        if (cts is null || running is null)
        {
            return;
        }

        await cts.CancelAsync();
        try
        {
            await running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            cts.Dispose();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>Stops the list+watch without waiting for it to wind down.</summary>
    public void Dispose()
    {
        lock (lifecycleGate)
        {
            stopping?.Cancel();
            (stopping, pump) = (null, null);
        }
    }

    /// <summary>Applies one list/watch event to the cache and tells the handlers; the informer's only writer.</summary>
    internal void Apply(ListWatchEvent<T> change)
    {
        foreach (var entity in change.Items ?? [])
        {
            Trim(entity.Metadata);
        }

        if (change.Object is not null)
        {
            Trim(change.Object.Metadata);
        }

        lock (dispatchGate)
        {
            switch (change.Type)
            {
                case ListWatchEventType.Listed:
                    foreach (var diff in cache.Replace(change.Items ?? []))
                    {
                        Dispatch(diff);
                    }

                    if (synced.TrySetResult())
                    {
                        logger.Synced(Description, cache.Count);
                    }

                    break;
                case ListWatchEventType.Added or ListWatchEventType.Modified when change.Object is not null:
                    Dispatch(cache.Upsert(change.Object));
                    break;
                case ListWatchEventType.Deleted when change.Object is not null:
                    if (cache.Remove(change.Object) is { } removed)
                    {
                        Dispatch(removed);
                    }

                    break;
            }
        }
    }

    /// <summary>What every cached object can do without: managedFields (unless kept), and copies of repeated strings.</summary>
    private void Trim(V1ObjectMeta metadata)
    {
        if (!options.KeepManagedFields)
        {
            ManagedFields.Strip(metadata);
        }

        SharedStrings.Share(metadata);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var selector = new ListOptions { LabelSelector = options.LabelSelector };
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in listWatch.RunAsync(options.Namespace, selector, cancellationToken: cancellationToken))
                {
                    Apply(change);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // ListWatch retries API failures itself; reaching here is a bug or a model that cannot be read, so
                // start over with a fresh list rather than die silently.
                logger.PumpFailed(Description, PumpRestartDelay, e);
                try
                {
                    await Task.Delay(PumpRestartDelay, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Dispatch(CacheChange<T> change)
    {
        foreach (var handler in handlers)
        {
            Deliver(handler, change);
        }
    }

    private void Deliver(IInformerEventHandler<T> handler, CacheChange<T> change)
    {
        try
        {
            switch (change.Type)
            {
                case CacheChangeType.Added:
                    handler.OnAdd(change.New!);
                    break;
                case CacheChangeType.Updated:
                    handler.OnUpdate(change.Old!, change.New!);
                    break;
                case CacheChangeType.Deleted:
                    handler.OnDelete(change.Old!);
                    break;
            }
        }
        catch (Exception e)
        {
            var entity = change.New ?? change.Old!;
            logger.HandlerFailed(Description, change.Type, entity.Metadata.Namespace, entity.Metadata.Name, e);
        }
    }

    private static string DescribeWatch(SharedInformerOptions options) =>
        T.Resource.ToString()
        + (options.Namespace is null ? " in all namespaces" : $" in {options.Namespace}")
        + (string.IsNullOrEmpty(options.LabelSelector) ? "" : $" matching {options.LabelSelector}");
}
