using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Informers;

/// <summary>
/// An informer's in-memory copy of the watched objects, indexed by namespace/name, by namespace and by owner. Reads
/// never call the API. The objects are shared with every reader: treat them as read-only.
/// </summary>
public interface IIndexedCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    int Count { get; }

    /// <summary>The object, or null; pass a null namespace for cluster-scoped kinds.</summary>
    T? Get(string? @namespace, string name);

    /// <summary>Every object, or those of one namespace.</summary>
    IReadOnlyList<T> List(string? @namespace = null);

    /// <summary>
    /// Objects with an owner reference to <paramref name="ownerUid"/> (controller or not), as client-go's owner-UID
    /// indexers answer: without scanning the namespace.
    /// </summary>
    IReadOnlyList<T> ListByOwner(string ownerUid);
}
