using Tollgate.Webhooks.ApplicationSets;

namespace Tollgate.Webhooks.Decisions;

/// <summary>Everything the ApplicationSet decision needs: an ApplicationSet written with kubectl.</summary>
public sealed record ApplicationSetRequest
{
    public required string Operation { get; init; }

    public required Requester Requester { get; init; }

    public required string ArgoCdNamespace { get; init; }

    /// <summary>The stored ApplicationSet (UPDATE and DELETE).</summary>
    public ApplicationSetView? Old { get; init; }

    /// <summary>The ApplicationSet sent (CREATE and UPDATE).</summary>
    public ApplicationSetView? New { get; init; }

    /// <summary>An UPDATE that changes the spec, so the templates are checked again.</summary>
    public bool SpecChanged { get; init; }

    public string? OldBreakGlass { get; init; }

    public string? NewBreakGlass { get; init; }
}
