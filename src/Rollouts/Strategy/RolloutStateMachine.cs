namespace Tollgate.Rollouts.Strategy;

/// <summary>Chooses the strategy's state machine; a spec with neither or both is refused by either one's spec check.</summary>
public static class RolloutStateMachine
{
    public static RolloutDecision Decide(RolloutObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.Rollout.Spec.Strategy is { BlueGreen: not null, Canary: null }
            ? BlueGreenStateMachine.Decide(observation)
            : CanaryStateMachine.Decide(observation);
    }
}
