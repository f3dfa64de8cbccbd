using System.Collections.Concurrent;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Informers;

/// <summary>
/// One copy of the strings every cached object repeats (its namespace, label and annotation keys, its owners' apiVersion
/// and kind) instead of one per object. The pool is bounded, so a cluster with endless distinct keys only stops sharing.
/// </summary>
public static class SharedStrings
{
    internal const int Capacity = 4096;
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public static string? Share(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return Pool.Count < Capacity ? Pool.GetOrAdd(value, value) : value;
    }

    /// <summary>Replaces the metadata's repeated strings by the pooled copies; values of labels and annotations stay as read.</summary>
    public static void Share(V1ObjectMeta metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        metadata.Namespace = Share(metadata.Namespace);
        metadata.Labels = ShareKeys(metadata.Labels);
        metadata.Annotations = ShareKeys(metadata.Annotations);
        foreach (var owner in metadata.OwnerReferences ?? [])
        {
            owner.ApiVersion = Share(owner.ApiVersion)!;
            owner.Kind = Share(owner.Kind)!;
        }
    }

    private static Dictionary<string, string>? ShareKeys(IDictionary<string, string>? map)
    {
        if (map is null)
        {
            return null;
        }

        var shared = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            shared[Share(key)!] = value;
        }

        return shared;
    }
}
