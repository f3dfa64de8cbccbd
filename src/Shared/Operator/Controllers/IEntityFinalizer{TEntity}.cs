using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>
/// Clean-up that must finish before an object may disappear. Its identifier is put into metadata.finalizers on
/// reconcile and removed once <see cref="FinalizeAsync"/> succeeds; a failure keeps it and retries with backoff. May run
/// more than once for one deletion: make it idempotent.
/// </summary>
public interface IEntityFinalizer<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    Task<ReconciliationResult<TEntity>> FinalizeAsync(TEntity entity, CancellationToken cancellationToken);
}
