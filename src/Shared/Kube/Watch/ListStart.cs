namespace Tollgate.Shared.Kube.Watch;

/// <summary>
/// Pure: how a reflector lists, as client-go's does. The first list asks for resourceVersion "0", which the API server
/// answers from its watch cache at once instead of paging through etcd; a list after a watch expired asks for "not
/// older than" the last version seen (again from the cache, unpaged); only when the server no longer has that version
/// is the list a consistent read from etcd, in pages. Paging through etcd is what broke at scale: 10,000 Rollouts took
/// longer than the server keeps a continue token, so every list expired and started over.
/// </summary>
public static class ListStart
{
    public const int PageSize = 500;

    /// <param name="lastSeen">The last resourceVersion seen, or null before the first list.</param>
    /// <param name="lastListExpired">The previous list attempt was refused as too old (410).</param>
    public static (string ResourceVersion, int? Limit) For(string? lastSeen, bool lastListExpired) =>
        lastListExpired ? ("", PageSize)
        : string.IsNullOrEmpty(lastSeen) ? ("0", PageSize)
        : (lastSeen, null);
}
