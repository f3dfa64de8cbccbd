using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>
/// Informer handler for an owned kind: every change of an object puts its controlling owner on the owner controller's
/// queue (both owners when an update moved the object from one to another).
/// </summary>
internal sealed class OwnerEnqueuer<TOwned>(ResourceDescriptor owner, Action<EntityKey> enqueue) : IInformerEventHandler<TOwned>
    where TOwned : class, IKubernetesObject<V1ObjectMeta>
{
    public void OnAdd(TOwned entity) => Enqueue(entity);

    public void OnUpdate(TOwned oldEntity, TOwned newEntity)
    {
        var now = OwnerKeys.ControllerOf(newEntity.Metadata, owner);
        var before = OwnerKeys.ControllerOf(oldEntity.Metadata, owner);
        if (now is not null)
        {
            enqueue(now);
        }

        if (before is not null && before != now)
        {
            enqueue(before);
        }
    }

    public void OnDelete(TOwned entity) => Enqueue(entity);

    private void Enqueue(TOwned entity)
    {
        if (OwnerKeys.ControllerOf(entity.Metadata, owner) is { } key)
        {
            enqueue(key);
        }
    }
}
