namespace Tollgate.Rollouts.Status;

/// <summary>An event to record on the Rollout.</summary>
public sealed record RolloutEvent(bool IsWarning, string Reason, string Message);
