using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Operator.Builder;

internal sealed class OperatorBuilder(IServiceCollection services, OperatorOptions options) : IOperatorBuilder
{
    private readonly HashSet<Type> controlledKinds = [];
    private readonly HashSet<(Type Kind, string Identifier)> finalizerIds = [];
    private readonly HashSet<(Type Owner, Type Owned)> ownedKinds = [];

    public IServiceCollection Services => services;

    public OperatorOptions Options => options;

    public IOperatorBuilder AddController<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TController, TEntity>()
        where TController : class, IEntityController<TEntity>
        where TEntity : class, IKubernetesResource<TEntity>
    {
        if (!controlledKinds.Add(typeof(TEntity)))
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} already has a controller; one controller per kind keeps finalizers single-owned");
        }

        services.TryAddScoped<TController>();
        services.AddSingleton<IRunnableController>(CreateReconciler<TController, TEntity>);
        return this;
    }

    public IOperatorBuilder Owns<TEntity, TOwned>()
        where TEntity : class, IKubernetesResource<TEntity>
        where TOwned : class, IKubernetesResource<TOwned>
    {
        if (!controlledKinds.Contains(typeof(TEntity)))
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} has no controller yet: call AddController before Owns<{typeof(TEntity).Name}, {typeof(TOwned).Name}>");
        }

        if (!ownedKinds.Add((typeof(TEntity), typeof(TOwned))))
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} already owns {typeof(TOwned).Name}");
        }

        services.AddSingleton(new OwnedWatch<TEntity>(typeof(TOwned), (provider, enqueue) =>
        {
            var namespaceToWatch = TOwned.Resource.Namespaced ? provider.GetRequiredService<OperatorOptions>().Namespace : null;
            var informer = provider.GetRequiredService<SharedInformerFactory>().GetInformer<TOwned>(namespaceToWatch);
            var handler = new OwnerEnqueuer<TOwned>(TEntity.Resource, enqueue);
            informer.AddEventHandler(handler);
            return new Subscription(() => informer.RemoveEventHandler(handler));
        }));
        return this;
    }

    public IOperatorBuilder AddFinalizer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFinalizer, TEntity>(string identifier)
        where TFinalizer : class, IEntityFinalizer<TEntity>
        where TEntity : class, IKubernetesResource<TEntity>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        if (!finalizerIds.Add((typeof(TEntity), identifier)))
        {
            throw new InvalidOperationException($"finalizer {identifier} of {typeof(TEntity).Name} is registered twice");
        }

        services.TryAddScoped<TFinalizer>();
        services.AddSingleton(new FinalizerRegistration<TEntity>(identifier, typeof(TFinalizer)));
        return this;
    }

    private static EntityReconciler<TController, TEntity> CreateReconciler<TController, TEntity>(IServiceProvider services)
        where TController : class, IEntityController<TEntity>
        where TEntity : class, IKubernetesResource<TEntity>
    {
        var options = services.GetRequiredService<OperatorOptions>();
        var client = services.GetRequiredService<IKubernetesClient>();
        var time = services.GetRequiredService<TimeProvider>();
        var name = typeof(TController).Name;
        var informer = services.GetRequiredService<SharedInformerFactory>()
            .GetInformer<TEntity>(TEntity.Resource.Namespaced ? options.Namespace : null);
        var queue = new RateLimitingQueue<EntityKey>(name, RateLimiters.Default<EntityKey>(time), time, services.GetRequiredService<WorkQueueMetrics>());
        var reconciler = new EntityReconciler<TController, TEntity>(
            name,
            informer,
            client,
            services.GetRequiredService<IServiceScopeFactory>(),
            [.. services.GetServices<FinalizerRegistration<TEntity>>()],
            EntityJson.TypeInfo<TEntity>(client, OperatorServiceCollectionExtensions.Resolvers(services)),
            queue,
            services.GetRequiredService<ReconcileMetrics>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger($"{typeof(EntityReconciler<,>).Namespace}.{name}"),
            time,
            options.WorkerCountOf(typeof(TEntity)));
        foreach (var owned in services.GetServices<OwnedWatch<TEntity>>())
        {
            reconciler.Attach(owned.Subscribe(services, reconciler.EnqueueOwner));
        }

        return reconciler;
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
