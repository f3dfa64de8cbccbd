using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Operator.Informers;

/// <summary>The thread-safe store behind an informer; every write returns the change it made.</summary>
public sealed class IndexedCache<T> : IIndexedCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock gate = new();
    private readonly Dictionary<EntityKey, T> items = [];
    private readonly Dictionary<string, HashSet<EntityKey>> byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<EntityKey>> byOwner = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return items.Count;
            }
        }
    }

    public T? Get(string? @namespace, string name)
    {
        var key = new EntityKey(string.IsNullOrEmpty(@namespace) ? null : @namespace, name);
        lock (gate)
        {
            return items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> List(string? @namespace = null)
    {
        lock (gate)
        {
            if (@namespace is null)
            {
                return [.. items.Values];
            }

            return byNamespace.TryGetValue(@namespace, out var keys) ? [.. keys.Select(k => items[k])] : [];
        }
    }

    public IReadOnlyList<T> ListByOwner(string ownerUid)
    {
        ArgumentNullException.ThrowIfNull(ownerUid);
        lock (gate)
        {
            return byOwner.TryGetValue(ownerUid, out var keys) ? [.. keys.Select(k => items[k])] : [];
        }
    }

    /// <summary>Stores <paramref name="entity"/>; returns an add, or an update carrying the replaced object.</summary>
    public CacheChange<T> Upsert(T entity)
    {
        var key = EntityKey.From(entity);
        lock (gate)
        {
            var old = items.GetValueOrDefault(key);
            if (old is not null)
            {
                Unindex(key, old);
            }

            items[key] = entity;
            Index(key, entity);
            return old is null
                ? new CacheChange<T>(CacheChangeType.Added, null, entity)
                : new CacheChange<T>(CacheChangeType.Updated, old, entity);
        }
    }

    /// <summary>Removes the object; returns the delete with the last stored object, or null when it was unknown.</summary>
    public CacheChange<T>? Remove(T entity)
    {
        var key = EntityKey.From(entity);
        lock (gate)
        {
            if (!items.Remove(key, out var old))
            {
                return null;
            }

            Unindex(key, old);
            return new CacheChange<T>(CacheChangeType.Deleted, old, null);
        }
    }

    /// <summary>
    /// Replaces everything with a fresh list and returns the difference: adds for new objects, updates for objects whose
    /// resourceVersion changed, and deletes (with the last known object) for objects missing from the list, which is
    /// how deletions missed while disconnected are still delivered.
    /// </summary>
    public IReadOnlyList<CacheChange<T>> Replace(IEnumerable<T> listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var changes = new List<CacheChange<T>>();
        lock (gate)
        {
            var seen = new HashSet<EntityKey>();
            foreach (var entity in listed)
            {
                var key = EntityKey.From(entity);
                seen.Add(key);
                var old = items.GetValueOrDefault(key);
                if (old is not null)
                {
                    Unindex(key, old);
                }

                items[key] = entity;
                Index(key, entity);
                if (old is null)
                {
                    changes.Add(new CacheChange<T>(CacheChangeType.Added, null, entity));
                }
                else if (old.Metadata.ResourceVersion != entity.Metadata.ResourceVersion)
                {
                    changes.Add(new CacheChange<T>(CacheChangeType.Updated, old, entity));
                }
            }

            foreach (var key in items.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                items.Remove(key, out var gone);
                Unindex(key, gone!);
                changes.Add(new CacheChange<T>(CacheChangeType.Deleted, gone, null));
            }
        }

        return changes;
    }

    private void Index(EntityKey key, T entity)
    {
        var ns = key.Namespace ?? "";
        if (!byNamespace.TryGetValue(ns, out var inNamespace))
        {
            byNamespace[ns] = inNamespace = [];
        }

        inNamespace.Add(key);
        foreach (var owner in entity.Metadata.OwnerReferences ?? [])
        {
            if (string.IsNullOrEmpty(owner.Uid))
            {
                continue;
            }

            if (!byOwner.TryGetValue(owner.Uid, out var owned))
            {
                byOwner[owner.Uid] = owned = [];
            }

            owned.Add(key);
        }
    }

    private void Unindex(EntityKey key, T entity)
    {
        var ns = key.Namespace ?? "";
        if (byNamespace.TryGetValue(ns, out var inNamespace) && inNamespace.Remove(key) && inNamespace.Count == 0)
        {
            byNamespace.Remove(ns);
        }

        foreach (var owner in entity.Metadata.OwnerReferences ?? [])
        {
            if (!string.IsNullOrEmpty(owner.Uid) && byOwner.TryGetValue(owner.Uid, out var owned) && owned.Remove(key) && owned.Count == 0)
            {
                byOwner.Remove(owner.Uid);
            }
        }
    }
}
