using Tollgate.Shared.Entities.ArgoCd;

namespace Tollgate.Webhooks.Decisions;

/// <summary>Everything the AppProject decision needs: an AppProject written with kubectl.</summary>
public sealed record ProjectRequest
{
    public required string Operation { get; init; }

    public required Requester Requester { get; init; }

    /// <summary>The stored AppProject (UPDATE and DELETE).</summary>
    public AppProject? Old { get; init; }

    /// <summary>The AppProject sent (CREATE and UPDATE).</summary>
    public AppProject? New { get; init; }

    /// <summary>An UPDATE that changes the spec, so the project is validated again.</summary>
    public bool SpecChanged { get; init; }

    /// <summary>How many Applications in Argo CD's namespace name the project (DELETE).</summary>
    public int ApplicationCount { get; init; }

    /// <summary>The Applications in Argo CD's namespace that name the project (UPDATE): may the new spec invalidate them?</summary>
    public IReadOnlyList<Application> Applications { get; init; } = [];

    public string? OldBreakGlass { get; init; }

    public string? NewBreakGlass { get; init; }
}
