namespace Tollgate.Shared.Operator.Informers;

/// <summary>One change to a cache: <see cref="Old"/> is null for adds, <see cref="New"/> is null for deletes.</summary>
public sealed record CacheChange<T>(CacheChangeType Type, T? Old, T? New)
    where T : class;
