using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Logging;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>
/// The runtime of one controller: informer events put keys on its rate-limited queue; workers take a key, read the
/// current object from the informer cache (no API call) and call the controller in a fresh DI scope. Finalizers are
/// added on reconcile and run on deletion; a key whose object left the cache gets <c>DeletedAsync</c> with the last
/// known state. The queue guarantees one reconcile per key at a time.
/// </summary>
internal sealed class EntityReconciler<TController, TEntity> : IRunnableController, IInformerEventHandler<TEntity>, IDisposable
    where TController : class, IEntityController<TEntity>
    where TEntity : class, IKubernetesResource<TEntity>
{
    private readonly ConcurrentDictionary<EntityKey, TEntity> tombstones = new();
    private readonly List<IDisposable> ownedWatches = [];
    private readonly ISharedInformer<TEntity> informer;
    private readonly IKubernetesClient client;
    private readonly IServiceScopeFactory scopes;
    private readonly IReadOnlyList<FinalizerRegistration<TEntity>> finalizers;
    private readonly IReadOnlyList<string> finalizerIds;
    private readonly JsonTypeInfo<TEntity> typeInfo;
    private readonly ReconcileMetrics? metrics;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private volatile bool active;

    public EntityReconciler(
        string name,
        ISharedInformer<TEntity> informer,
        IKubernetesClient client,
        IServiceScopeFactory scopes,
        IReadOnlyList<FinalizerRegistration<TEntity>> finalizers,
        JsonTypeInfo<TEntity> typeInfo,
        RateLimitingQueue<EntityKey> queue,
        ReconcileMetrics? metrics,
        ILogger logger,
        TimeProvider time,
        int workers)
    {
        Name = name;
        Workers = workers;
        this.informer = informer;
        this.client = client;
        this.scopes = scopes;
        this.finalizers = finalizers;
        finalizerIds = [.. finalizers.Select(f => f.Identifier)];
        this.typeInfo = typeInfo;
        Queue = queue;
        this.metrics = metrics;
        this.logger = logger;
        this.time = time;
        informer.AddEventHandler(this);
    }

    public string Name { get; }

    public int Workers { get; }

    public ISharedInformer Informer => informer;

    internal RateLimitingQueue<EntityKey> Queue { get; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        active = true;
        try
        {
            foreach (var entity in informer.Cache.List())
            {
                Queue.Add(EntityKey.From(entity));
            }

            logger.WorkersStarting(Name, Workers);
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Workers)).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None)));
        }
        finally
        {
            // Standing by (or stopped): the next run re-queues everything from the cache, so nothing is lost meanwhile.
            active = false;
            tombstones.Clear();
            logger.WorkersStopped(Name);
        }
    }

    public void ShutDown() => Queue.ShutDown();

    public void Dispose()
    {
        informer.RemoveEventHandler(this);
        foreach (var subscription in ownedWatches)
        {
            subscription.Dispose();
        }

        Queue.Dispose();
    }

    /// <summary>Keeps an owned kind's subscription (see <see cref="OwnedWatch{TEntity}"/>) until this reconciler is disposed.</summary>
    internal void Attach(IDisposable subscription) => ownedWatches.Add(subscription);

    /// <summary>An owned object changed: reconcile its owner (level-based, so the owner's whole state is looked at).</summary>
    internal void EnqueueOwner(EntityKey key)
    {
        if (active)
        {
            Queue.Add(key);
        }
    }

    public void OnAdd(TEntity entity)
    {
        if (active)
        {
            Queue.Add(EntityKey.From(entity));
        }
    }

    public void OnUpdate(TEntity oldEntity, TEntity newEntity)
    {
        if (active)
        {
            Queue.Add(EntityKey.From(newEntity));
        }
    }

    public void OnDelete(TEntity entity)
    {
        if (!active)
        {
            return;
        }

        var key = EntityKey.From(entity);
        tombstones[key] = entity;
        Queue.Add(key);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            EntityKey? key;
            try
            {
                key = await Queue.GetAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (key is null)
            {
                return;
            }

            try
            {
                await ProcessAsync(key, cancellationToken);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(EntityKey key, CancellationToken cancellationToken)
    {
        // Every line a controller logs while handling this key carries the object's namespace and name.
        using var objectScope = logger.BeginObjectScope(TEntity.Resource.Kind, key.Namespace, key.Name);
        var started = time.GetTimestamp();
        string outcome;
        try
        {
            var result = await ReconcileKeyAsync(key, cancellationToken);
            if (result is null)
            {
                Queue.Forget(key);
                return;
            }

            var action = QueueAction.After(result.IsSuccess, result.RequeueAfter);
            Apply(key, action);
            if (result.IsSuccess)
            {
                outcome = ReconcileMetrics.ResultSuccess;
                logger.Reconciled(Name, key.Namespace, key.Name);
            }
            else
            {
                outcome = ReconcileMetrics.ResultFailure;
                logger.ReconcileFailed(Name, key.Namespace, key.Name, Queue.NumRequeues(key), result.ErrorMessage ?? "failed", result.Error);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping (shutdown or lost leadership): keep the key so the next run does the work.
            Queue.Add(key);
            return;
        }
        catch (Exception e)
        {
            Queue.AddRateLimited(key);
            outcome = ReconcileMetrics.ResultError;
            logger.ReconcileThrew(Name, key.Namespace, key.Name, Queue.NumRequeues(key), e);
        }

        metrics?.Record(Name, outcome, time.GetElapsedTime(started));
    }

    private void Apply(EntityKey key, QueueAction action)
    {
        if (action.Forget)
        {
            Queue.Forget(key);
        }

        if (action.AddRateLimited)
        {
            Queue.AddRateLimited(key);
        }

        if (action.AddAfter is { } delay)
        {
            Queue.AddAfter(key, delay);
        }
    }

    private async Task<ReconciliationResult<TEntity>?> ReconcileKeyAsync(EntityKey key, CancellationToken cancellationToken)
    {
        var cached = informer.Cache.Get(key.Namespace, key.Name);
        if (cached is null)
        {
            return await DeletedAsync(key, cancellationToken);
        }

        tombstones.TryRemove(key, out _);
        var entity = Copy(cached);
        var plan = FinalizerPlan.For(entity.Metadata.DeletionTimestamp, entity.Metadata.Finalizers, finalizerIds);
        if (plan.IsDeleting)
        {
            return plan.ToRun.Count == 0 ? null : await FinalizeAsync(key, cancellationToken);
        }

        if (plan.ToAdd.Count > 0)
        {
            entity = await AddFinalizersAsync(entity, plan.ToAdd, cancellationToken);
            logger.FinalizersAdded(Name, key.Namespace, key.Name, string.Join(",", plan.ToAdd));
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TController>().ReconcileAsync(entity, cancellationToken);
    }

    private async Task<ReconciliationResult<TEntity>?> DeletedAsync(EntityKey key, CancellationToken cancellationToken)
    {
        if (!tombstones.TryRemove(key, out var last))
        {
            return null;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<TController>().DeletedAsync(Copy(last), cancellationToken);
            if (result.IsFailure)
            {
                tombstones.TryAdd(key, last);
            }

            return result;
        }
        catch
        {
            tombstones.TryAdd(key, last);
            throw;
        }
    }

    private async Task<ReconciliationResult<TEntity>?> FinalizeAsync(EntityKey key, CancellationToken cancellationToken)
    {
        // Read the live object: a stale cache could still list a finalizer that was already run and removed.
        var current = await client.GetAsync<TEntity>(key.Name, key.Namespace, cancellationToken);
        if (current is null)
        {
            return null;
        }

        var plan = FinalizerPlan.For(current.Metadata.DeletionTimestamp, current.Metadata.Finalizers, finalizerIds);
        foreach (var identifier in plan.ToRun)
        {
            var registration = finalizers.First(f => f.Identifier == identifier);
            ReconciliationResult<TEntity> result;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var finalizer = (IEntityFinalizer<TEntity>)scope.ServiceProvider.GetRequiredService(registration.FinalizerType);
                result = await finalizer.FinalizeAsync(current, cancellationToken);
            }

            if (result.IsFailure)
            {
                return result;
            }

            current = await RemoveFinalizerAsync(key, identifier, cancellationToken);
            logger.Finalized(Name, key.Namespace, key.Name, identifier);
            if (current is null)
            {
                return null;
            }
        }

        return ReconciliationResult<TEntity>.Success(current);
    }

    private Task<TEntity> AddFinalizersAsync(TEntity entity, IReadOnlyList<string> toAdd, CancellationToken cancellationToken)
    {
        var all = new JsonArray();
        foreach (var finalizer in (entity.Metadata.Finalizers ?? []).Concat(toAdd))
        {
            all.Add((JsonNode?)JsonValue.Create(finalizer));
        }

        // The resourceVersion makes the merge patch conditional, so a finalizer list changed meanwhile is not overwritten.
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = entity.Metadata.ResourceVersion, ["finalizers"] = all },
        };
        return client.PatchAsync<TEntity>(entity.Metadata.Name!, entity.Metadata.Namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
    }

    private async Task<TEntity?> RemoveFinalizerAsync(EntityKey key, string identifier, CancellationToken cancellationToken)
    {
        // A finalizer may itself have written the object, so take the position from a fresh read and guard it with a
        // test operation instead of a resourceVersion that would conflict with that write.
        var current = await client.GetAsync<TEntity>(key.Name, key.Namespace, cancellationToken);
        var index = current?.Metadata.Finalizers?.IndexOf(identifier) ?? -1;
        if (current is null || index < 0)
        {
            return current;
        }

        var path = $"/metadata/finalizers/{index}";
        var patch = new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = path, ["value"] = identifier },
            new JsonObject { ["op"] = "remove", ["path"] = path });
        try
        {
            return await client.PatchAsync<TEntity>(key.Name, key.Namespace, KubernetesPatch.Json(patch), cancellationToken: cancellationToken);
        }
        catch (KubernetesException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private TEntity Copy(TEntity cached) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(cached, typeInfo), typeInfo)
        ?? throw new InvalidOperationException($"copying {EntityKey.From(cached)} produced null");
}
