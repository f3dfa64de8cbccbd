namespace Tollgate.Rollouts.Canary;

/// <summary>Where a rollout stands in its step list, following Argo's GetCurrentCanaryStep/GetCurrentSetWeight.</summary>
public static class CanarySteps
{
    /// <summary>True once every step has been executed (an empty step list is complete from the start).</summary>
    public static bool IsComplete(IReadOnlyList<CanaryStep> steps, int currentStepIndex)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(currentStepIndex);
        return currentStepIndex >= steps.Count;
    }

    /// <summary>The step at <paramref name="currentStepIndex"/>, or null when the steps are complete.</summary>
    public static CanaryStep? CurrentStep(IReadOnlyList<CanaryStep> steps, int currentStepIndex) =>
        IsComplete(steps, currentStepIndex) ? null : steps[currentStepIndex];

    /// <summary>
    /// The weight of the last setWeight at or before the current step: 0 before any setWeight,
    /// 100 once the steps are complete.
    /// </summary>
    public static int CurrentWeight(IReadOnlyList<CanaryStep> steps, int currentStepIndex)
    {
        if (IsComplete(steps, currentStepIndex))
        {
            return CanaryReplicaMath.MaxWeight;
        }

        for (var index = currentStepIndex; index >= 0; index--)
        {
            if (steps[index] is SetWeightStep setWeight)
            {
                return setWeight.Weight;
            }
        }

        return 0;
    }

    /// <summary>
    /// The weight the controller should converge to: full promotion wins, an abort drops the canary
    /// to 0, otherwise the current setWeight.
    /// </summary>
    public static int DesiredWeight(IReadOnlyList<CanaryStep> steps, int currentStepIndex, bool aborted, bool promoteFull)
    {
        if (promoteFull)
        {
            return CanaryReplicaMath.MaxWeight;
        }

        return aborted ? 0 : CurrentWeight(steps, currentStepIndex);
    }

    /// <summary>
    /// The setCanaryScale in effect: the last one at or before the current step, unless it is
    /// matchTrafficWeight (which hands sizing back to setWeight). Null once the steps are complete.
    /// </summary>
    public static SetCanaryScaleStep? ActiveCanaryScale(IReadOnlyList<CanaryStep> steps, int currentStepIndex)
    {
        if (IsComplete(steps, currentStepIndex))
        {
            return null;
        }

        for (var index = currentStepIndex; index >= 0; index--)
        {
            if (steps[index] is SetCanaryScaleStep scale)
            {
                return scale.MatchTrafficWeight ? null : scale;
            }
        }

        return null;
    }
}
