using System.Collections.Concurrent;

namespace Tollgate.Rollouts.Sync;

/// <summary>
/// Read-your-writes for Service selectors: the cache shows a write of ours only once its watch delivers it, and a
/// reconcile in between would read the old selector, switch the Service again (an identical patch) and report a second
/// SwitchService. A write is remembered with the resourceVersion it was made over; while the cache still shows that
/// version, the written hash is what the Service selects. Any other version means the cache has moved on (to our
/// write or past it), and the cache is believed again.
/// </summary>
public sealed class WrittenSelectors
{
    private readonly ConcurrentDictionary<(string Namespace, string Name), Write> writes = new();

    /// <summary>Remembers that <paramref name="podHash"/> was written over the object at <paramref name="versionRead"/>.</summary>
    public void Record(string @namespace, string name, string? versionRead, string podHash)
    {
        if (versionRead is { Length: > 0 })
        {
            writes[(@namespace, name)] = new Write(versionRead, podHash);
        }
    }

    /// <summary>The hash the Service selects, given what the cache shows of it.</summary>
    public string? Resolve(string @namespace, string name, string? cachedVersion, string? cachedHash)
    {
        var key = (@namespace, name);
        if (!writes.TryGetValue(key, out var write))
        {
            return cachedHash;
        }

        if (write.VersionRead == cachedVersion)
        {
            return write.PodHash;
        }

        writes.TryRemove(KeyValuePair.Create(key, write));
        return cachedHash;
    }

    private sealed record Write(string VersionRead, string PodHash);
}
