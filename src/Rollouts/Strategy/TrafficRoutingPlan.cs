using Tollgate.Rollouts.Canary;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// The traffic-routed canary's decisions, after Argo's reconcileTrafficRouting and CalculateReplicaCountsForTrafficRoutedCanary:
/// which weight the router gets, where the Services point, and how many pods each side has.
/// </summary>
internal static class TrafficRoutingPlan
{
    /// <summary>
    /// The weight to route now, or null to leave the router as it is (the stable side lacks the pods for its share).
    /// </summary>
    public static int? DesiredWeight(DecisionState state, out string canaryHash)
    {
        var newReplicaSet = state.NewReplicaSet;
        canaryHash = state.PodHash;
        int weight;
        if (IsDynamicallyRollingBackToStable(state, out var previousCanary))
        {
            // Back on the stable template while its pods come back: the previous canary keeps its traffic until then.
            weight = WeightOnAbortOrRollback(state);
            canaryHash = previousCanary;
        }
        else if (state.IsFullyPromoted)
        {
            weight = 0;
        }
        else if (state.Aborted)
        {
            weight = WeightOnAbortOrRollback(state);
        }
        else if (newReplicaSet is null || newReplicaSet.AvailableReplicas == 0)
        {
            // Never weight to a canary without a pod to serve it.
            weight = 0;
        }
        else if (state.Status.PromoteFull == true)
        {
            // Argo keeps the weight it had (dynamicStableScale: follows the canary's pods); the stable Service moves later.
            weight = state.Canary.DynamicStableScale == true
                ? CanaryReplicaMath.MaxWeight * newReplicaSet.AvailableReplicas / Math.Max(state.SpecReplicas, 1)
                : state.Stored.Canary?.Weights?.Canary.Weight ?? 0;
        }
        else if (state.Steps.Count > 0)
        {
            var index = state.StepIndex;
            weight = !AtDesiredCounts(state) ? PreviousSetWeight(state.Steps, index)
                : index != state.Steps.Count ? CanarySteps.CurrentWeight(state.Steps, index)
                : CanaryReplicaMath.MaxWeight;
        }
        else
        {
            weight = 0;
        }

        return HasPodsFor(state, state.StableReplicaSet, CanaryReplicaMath.MaxWeight - weight) ? weight : null;
    }

    /// <summary>The weights status for <paramref name="weight"/>, as Argo's calculateWeightStatus.</summary>
    public static TrafficWeights Weights(DecisionState state, int weight, string canaryHash) => new()
    {
        Canary = new WeightDestination { Weight = weight, PodTemplateHash = canaryHash, ServiceName = state.Canary.CanaryService },
        Stable = new WeightDestination
        {
            Weight = CanaryReplicaMath.MaxWeight - weight,
            PodTemplateHash = state.StableReplicaSet?.PodHash ?? "",
            ServiceName = state.Canary.StableService,
        },
    };

    /// <summary>The pods each side should have (<paramref name="routed"/>: the weights the router carries for this side).</summary>
    public static CanaryReplicaCounts Counts(DecisionState state, TrafficWeights? routed)
    {
        var status = state.Status;
        var scale = state.Aborted ? null : CanarySteps.ActiveCanaryScale(state.Steps, state.StepIndex);
        int? scaleReplicas = null;
        int weight;
        if (status.PromoteFull == true || status.StableRS is null || status.StableRS == state.PodHash)
        {
            weight = CanaryReplicaMath.MaxWeight;
        }
        else if (scale?.Replicas is { } replicas)
        {
            scaleReplicas = replicas;
            weight = 0;
        }
        else
        {
            weight = scale?.Weight ?? DesiredCanaryWeight(state);
        }

        return TrafficRoutedCanaryScaler.Calculate(new TrafficRoutedScaleInput(
            state.SpecReplicas,
            weight,
            scaleReplicas,
            state.Canary.DynamicStableScale == true,
            state.Canary.MinPodsPerReplicaSet,
            routed?.Canary.Weight,
            routed?.Stable.Weight,
            state.Aborted));
    }

    /// <summary>Argo's AtDesiredReplicaCountsForCanary for a routed canary: older ReplicaSets do not matter, traffic skips them.</summary>
    public static bool AtDesiredCounts(DecisionState state)
    {
        var desired = Counts(state, state.RoutedWeights ?? state.Stored.Canary?.Weights);
        var newReplicaSet = state.NewReplicaSet;
        if (newReplicaSet is null
            || !ReplicaProgressThreshold.IsMet(state.Canary.ReplicaProgressThreshold, newReplicaSet.SpecReplicas, newReplicaSet.AvailableReplicas, desired.CanaryReplicas))
        {
            return false;
        }

        var stable = state.StableReplicaSet;
        return state.Canary.DynamicStableScale == true
            || (stable is not null && stable.SpecReplicas == desired.StableReplicas && stable.Replicas == desired.StableReplicas);
    }

    /// <summary>Whether <paramref name="replicaSet"/> has the available pods for <paramref name="weight"/> percent (Argo's checkReplicasAvailable).</summary>
    private static bool HasPodsFor(DecisionState state, ObservedReplicaSet? replicaSet, int weight)
    {
        if (replicaSet is null)
        {
            return false;
        }

        var desired = weight * state.SpecReplicas / CanaryReplicaMath.MaxWeight;
        return replicaSet.AvailableReplicas >= desired
            || ReplicaProgressThreshold.IsMet(state.Canary.ReplicaProgressThreshold, replicaSet.SpecReplicas, replicaSet.AvailableReplicas, desired);
    }

    private static int PreviousSetWeight(IReadOnlyList<Canary.CanaryStep> steps, int index)
    {
        for (var i = Math.Min(index, steps.Count) - 1; i >= 0; i--)
        {
            if (steps[i] is SetWeightStep setWeight)
            {
                return setWeight.Weight;
            }
        }

        return 0;
    }

    /// <summary>Argo's GetDesiredCanaryWeight: with dynamicStableScale an abort steps the canary down through the setWeights in reverse.</summary>
    private static int DesiredCanaryWeight(DecisionState state)
    {
        var newReplicaSet = state.NewReplicaSet;
        var stable = state.StableReplicaSet;
        if (!(state.Aborted && state.Canary.DynamicStableScale == true && newReplicaSet is not null && stable is not null))
        {
            return state.Aborted ? 0 : CanarySteps.CurrentWeight(state.Steps, state.StepIndex);
        }

        var spec = state.SpecReplicas;
        var canaryReplicas = Math.Max(spec - stable.AvailableReplicas, newReplicaSet.AvailableReplicas);
        for (var i = state.Steps.Count - 1; i >= 0; i--)
        {
            if (state.Steps[i] is SetWeightStep step && TrafficRoutedCanaryScaler.ReplicasForWeight(spec, step.Weight) < canaryReplicas)
            {
                return step.Weight;
            }
        }

        return 0;
    }

    /// <summary>Argo's calculateDesiredWeightOnAbortOrStableRollback: 0 at once, or with dynamicStableScale as the stable pods come back.</summary>
    private static int WeightOnAbortOrRollback(DecisionState state)
    {
        var stable = state.StableReplicaSet;
        var spec = state.SpecReplicas;
        if (state.Canary.DynamicStableScale != true || stable is null || state.NewReplicaSet is null || spec == 0)
        {
            return 0;
        }

        const int max = CanaryReplicaMath.MaxWeight;
        var desired = DesiredCanaryWeight(state);
        var expected = Math.Max(0, max - (max * stable.AvailableReplicas / spec));
        if (state.Stored.Canary?.Weights is not { } weights)
        {
            return Math.Max(expected, desired);
        }

        var current = weights.Canary.Weight;
        if (desired <= 0)
        {
            return Math.Min(expected, current);
        }

        return max * stable.AvailableReplicas / spec < max - desired ? current : Math.Min(desired, current);
    }

    /// <summary>
    /// Argo's shouldDelayDestinationRuleUpdate: without Services, the subsets move only once every scaled canary and
    /// stable ReplicaSet is fully available (the canary is not waited for while aborting or rolling back).
    /// </summary>
    /// <returns>The ReplicaSet waited for, or null.</returns>
    public static string? SubsetSwitchWaitsFor(DecisionState state, string canaryHash)
    {
        if (!string.IsNullOrEmpty(state.Canary.CanaryService) || !string.IsNullOrEmpty(state.Canary.StableService))
        {
            return null;
        }

        var stableHash = state.StableReplicaSet?.PodHash;
        var skipCanary = state.Aborted || IsDynamicallyRollingBackToStable(state, out _);
        return state.Observation.ReplicaSets
            .Where(rs => rs.SpecReplicas > 0 && (rs.PodHash == stableHash || rs.PodHash == canaryHash) && !(skipCanary && rs.PodHash == canaryHash))
            .FirstOrDefault(rs => rs.AvailableReplicas == 0 || rs.AvailableReplicas < rs.SpecReplicas)?.Name;
    }

    /// <summary>Argo's IsDynamicallyRollingBackToStable: back on the stable template, with dynamic scaling, before its pods are all up.</summary>
    public static bool IsDynamicallyRollingBackToStable(DecisionState state, out string previousCanary)
    {
        previousCanary = "";
        if (!state.IsFullyPromoted || state.Canary.DynamicStableScale != true || state.Stored.Canary?.Weights is not { } weights)
        {
            return false;
        }

        previousCanary = weights.Canary.PodTemplateHash ?? "";
        return previousCanary != state.PodHash && (state.NewReplicaSet?.AvailableReplicas ?? 0) < state.SpecReplicas;
    }
}
