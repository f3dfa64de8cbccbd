namespace Tollgate.Shared.Operator.Events;

/// <summary>A small least-recently-used map: reading or writing an entry makes it the newest; the oldest falls out.</summary>
public sealed class LruCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> entries = [];
    private readonly LinkedList<KeyValuePair<TKey, TValue>> order = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }

            value = default!;
            return false;
        }
    }

    public void Set(TKey key, TValue value)
    {
        lock (gate)
        {
            if (entries.Remove(key, out var existing))
            {
                order.Remove(existing);
            }

            entries[key] = order.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
            while (entries.Count > Math.Max(1, capacity))
            {
                var oldest = order.Last!;
                order.RemoveLast();
                entries.Remove(oldest.Value.Key);
            }
        }
    }

    public void Remove(TKey key)
    {
        lock (gate)
        {
            if (entries.Remove(key, out var node))
            {
                order.Remove(node);
            }
        }
    }
}
