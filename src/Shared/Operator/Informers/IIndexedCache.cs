using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Informers;

/// <summary>
/// An informer's in-memory copy of the watched objects, indexed by namespace/name, by namespace and by label. Reads
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

    /// <summary>Objects carrying the label <paramref name="key"/>=<paramref name="value"/>, optionally in one namespace.</summary>
    IReadOnlyList<T> ListByLabel(string key, string value, string? @namespace = null);

    /// <summary>Objects carrying every label of <paramref name="matchLabels"/> (an equality selector).</summary>
    IReadOnlyList<T> ListBySelector(IReadOnlyDictionary<string, string> matchLabels, string? @namespace = null);
}
