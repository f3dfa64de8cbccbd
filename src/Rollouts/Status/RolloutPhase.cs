namespace Tollgate.Rollouts.Status;

/// <summary>status.phase of a Rollout.</summary>
public enum RolloutPhase
{
    Healthy,
    Progressing,
    Paused,
    Degraded,
}
