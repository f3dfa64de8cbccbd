namespace Tollgate.Rollouts.Canary;

/// <summary>pause: waits for <see cref="Duration"/>, or until promoted when no duration is given.</summary>
public sealed record PauseStep(TimeSpan? Duration = null) : CanaryStep
{
    public bool IsIndefinite => Duration is null;
}
