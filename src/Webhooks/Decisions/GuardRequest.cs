using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Tracking;

namespace Tollgate.Webhooks.Decisions;

/// <summary>Everything the drift guard decides on, resolved from the request and the caches.</summary>
public sealed record GuardRequest
{
    public required string Operation { get; init; }

    /// <summary>Null for the main resource, <c>scale</c> for the scale subresource.</summary>
    public string? SubResource { get; init; }

    public required ObjectCoordinates Target { get; init; }

    public required Requester Requester { get; init; }

    /// <summary>The Application managing the object (before or after the change); null when unmanaged.</summary>
    public ManagingApplication? ManagedBy { get; init; }

    /// <summary>The tracking annotation or label is removed or rewritten by this change.</summary>
    public bool TrackingChanged { get; init; }

    /// <summary><c>tollgate.dev/break-glass</c> on the stored object (for scale: the parent).</summary>
    public string? OldBreakGlass { get; init; }

    /// <summary><c>tollgate.dev/break-glass</c> on the object sent (for scale: the parent).</summary>
    public string? NewBreakGlass { get; init; }

    public GuardMode Guard { get; init; }

    /// <summary>The project resource-list verdict for a namespaced CREATE; null when no project has a say.</summary>
    public PolicyDecision? ResourcePermission { get; init; }

    public ChangeExemption Exemption { get; init; }

    /// <summary>Why a rollout action is denied, with <see cref="ChangeExemption.DeniedRolloutAction"/>.</summary>
    public string? ExemptionMessage { get; init; }

    public string BreakGlassGroup { get; init; } = "tollgate:break-glass";
}
