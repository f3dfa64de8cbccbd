using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Controllers;

namespace Tollgate.Shared.Operator.Builder;

/// <summary>Adds controllers and finalizers to an operator registered with <c>AddKubernetesOperator</c>.</summary>
public interface IOperatorBuilder
{
    IServiceCollection Services { get; }

    OperatorOptions Options { get; }

    /// <summary>
    /// Reconciles <typeparamref name="TEntity"/> with <typeparamref name="TController"/> (resolved in a new scope per
    /// reconcile). One controller per kind, so finalizers have one owner.
    /// </summary>
    IOperatorBuilder AddController<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TController, TEntity>()
        where TController : class, IEntityController<TEntity>
        where TEntity : class, IKubernetesResource<TEntity>;

    /// <summary>
    /// Like controller-runtime's <c>Owns</c>: any change to a <typeparamref name="TOwned"/> whose controlling
    /// ownerReference names a <typeparamref name="TEntity"/> reconciles that owner, so the controller reacts to what it
    /// created instead of polling it. Call after <see cref="AddController{TController, TEntity}"/>.
    /// </summary>
    IOperatorBuilder Owns<TEntity, TOwned>()
        where TEntity : class, IKubernetesResource<TEntity>
        where TOwned : class, IKubernetesResource<TOwned>;

    /// <summary>Runs <typeparamref name="TFinalizer"/> before a <typeparamref name="TEntity"/> may go, under <paramref name="identifier"/>.</summary>
    IOperatorBuilder AddFinalizer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFinalizer, TEntity>(string identifier)
        where TFinalizer : class, IEntityFinalizer<TEntity>
        where TEntity : class, IKubernetesResource<TEntity>;
}
