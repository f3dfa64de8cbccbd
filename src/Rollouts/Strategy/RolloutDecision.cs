using Tollgate.Rollouts.Canary;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Strategy;

/// <summary>What the state machine decided: the status to write, the writes to make first, and when to look again.</summary>
/// <param name="Status">The new status; written only when it differs from the stored one.</param>
/// <param name="Intents">Writes to make, in order, before the status.</param>
/// <param name="RequeueAfter">When to reconcile again even if nothing changes (a pause ends, pods become ready).</param>
/// <param name="AbortDetail">Why the rollout is aborted, for the RolloutAborted event.</param>
/// <param name="Steps">The steps as the machine understood them, for event messages.</param>
public sealed record RolloutDecision(
    RolloutStatus Status,
    IReadOnlyList<RolloutIntent> Intents,
    TimeSpan? RequeueAfter,
    string? AbortDetail,
    IReadOnlyList<Canary.CanaryStep> Steps);
