using Tollgate.Shared.Entities.ArgoCd;

namespace Tollgate.Webhooks.Decisions;

/// <summary>Everything the Application webhook decides on (decision 1 of the spec).</summary>
public sealed record ApplicationRequest
{
    public required string Operation { get; init; }

    public required Requester Requester { get; init; }

    public required string ArgoCdNamespace { get; init; }

    /// <summary>The stored Application (UPDATE and DELETE).</summary>
    public Application? Old { get; init; }

    /// <summary>The Application sent (CREATE and UPDATE).</summary>
    public Application? New { get; init; }

    /// <summary>An UPDATE that changes only <c>.operation</c>: a sync requested with kubectl.</summary>
    public bool OperationOnly { get; init; }

    /// <summary>An UPDATE that changes the spec, so the project limits are checked again.</summary>
    public bool SpecChanged { get; init; }

    /// <summary>The instant sync windows are judged at (UTC).</summary>
    public DateTime Now { get; init; }

    public string? OldBreakGlass { get; init; }

    public string? NewBreakGlass { get; init; }
}
