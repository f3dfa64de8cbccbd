namespace Tollgate.Shared.Operator.Informers;

/// <summary>What an informer watches and how long one watch request stays open.</summary>
public sealed record SharedInformerOptions
{
    /// <summary>One namespace, or null for all.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    /// <summary>The server ends each watch after this long and the informer resumes it (5 minutes by default).</summary>
    public int WatchTimeoutSeconds { get; init; } = 300;
}
