namespace Tollgate.Shared.Operator.Informers;

/// <summary>
/// Receives an informer's changes in order, on the informer's thread, after the cache holds them. Keep handlers quick
/// (typically: put a key on a work queue); an exception is logged and does not stop the informer.
/// </summary>
public interface IInformerEventHandler<in T>
    where T : class
{
    void OnAdd(T entity);

    void OnUpdate(T oldEntity, T newEntity);

    /// <summary>Called with the last known state of the object.</summary>
    void OnDelete(T entity);
}
