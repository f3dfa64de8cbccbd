using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>
/// Level-based reconciliation of one kind: called with the current object whenever it (or a requeue) asks for it, never
/// twice at once for the same object. The object is a private copy: change and write it freely.
/// </summary>
public interface IEntityController<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Drive the world towards <paramref name="entity"/>'s spec.</summary>
    Task<ReconciliationResult<TEntity>> ReconcileAsync(TEntity entity, CancellationToken cancellationToken);

    /// <summary>The object is gone; <paramref name="entity"/> is its last known state.</summary>
    Task<ReconciliationResult<TEntity>> DeletedAsync(TEntity entity, CancellationToken cancellationToken);
}
