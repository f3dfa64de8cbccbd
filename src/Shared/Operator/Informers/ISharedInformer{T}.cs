using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Informers;

/// <summary>A list+watch of one kind kept in an in-memory cache, shared by every reader and handler.</summary>
public interface ISharedInformer<T> : ISharedInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    IIndexedCache<T> Cache { get; }

    /// <summary>
    /// Registers <paramref name="handler"/>; objects already in the cache are delivered to it as adds first, so a late
    /// handler misses nothing.
    /// </summary>
    void AddEventHandler(IInformerEventHandler<T> handler);

    void RemoveEventHandler(IInformerEventHandler<T> handler);
}
