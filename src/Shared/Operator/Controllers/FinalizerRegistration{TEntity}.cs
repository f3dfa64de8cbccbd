using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>A finalizer of <typeparamref name="TEntity"/>: the string put into metadata.finalizers and the service run.</summary>
public sealed record FinalizerRegistration<TEntity>(string Identifier, Type FinalizerType)
    where TEntity : IKubernetesObject<V1ObjectMeta>;
