namespace Tollgate.Shared.Operator.Informers;

/// <summary>What an informer watches and how long one watch request stays open.</summary>
public sealed record SharedInformerOptions
{
    /// <summary>One namespace, or null for all.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    /// <summary>The server ends each watch after this long and the informer resumes it (5 minutes by default).</summary>
    public int WatchTimeoutSeconds { get; init; } = 300;

    /// <summary>
    /// Cached objects drop <c>metadata.managedFields</c> unless this is set: it is often the largest part of an object
    /// and no reader of the cache needs it, and an update sent from a cached copy leaves the server's entries as they are.
    /// </summary>
    public bool KeepManagedFields { get; init; }
}
