namespace Tollgate.Rollouts.Status;

/// <summary>status.phase and status.message.</summary>
public sealed record RolloutPhaseResult(RolloutPhase Phase, string Message);
