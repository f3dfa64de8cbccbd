namespace Tollgate.Rollouts.Canary;

/// <summary>
/// One reconcile step of a canary without a traffic router (Argo's CalculateReplicaCountsForBasicCanary):
/// moves the canary and stable ReplicaSets toward the weighted split without ever exceeding
/// spec.replicas + maxSurge pods or dropping below spec.replicas - maxUnavailable available pods.
/// </summary>
public static class BasicCanaryScaler
{
    public static CanaryReplicaCounts Calculate(BasicCanaryScaleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var canary = input.Canary;
        var stable = input.Stable;
        var specReplicas = input.SpecReplicas;

        var desired = CanaryReplicaMath.DesiredCounts(specReplicas, input.DesiredWeight, input.Limits.MaxSurge, input.CanaryScale);
        var desiredCanary = desired.CanaryReplicas;
        var desiredStable = desired.StableReplicas;
        if (stable is null)
        {
            // Without a distinct stable ReplicaSet there is nothing to split against: go straight to 100%.
            desiredCanary = specReplicas;
            desiredStable = 0;
        }

        var canaryReplicas = canary?.Replicas ?? 0;
        var stableReplicas = stable?.Replicas ?? 0;
        var maxTotal = specReplicas + input.Limits.MaxSurge;
        var scaleUpRoom = maxTotal - (input.OlderReplicas + canaryReplicas + stableReplicas);

        // Stable gets surge room first so that a lowered weight (e.g. an abort) restores capacity before the canary grows.
        if (stable is not null && stable.Replicas < desiredStable && scaleUpRoom > 0)
        {
            stableReplicas = Math.Min(stable.Replicas + scaleUpRoom, desiredStable);
            scaleUpRoom -= stableReplicas - stable.Replicas;
        }

        if (canary is not null && canary.Replicas < desiredCanary && scaleUpRoom > 0)
        {
            canaryReplicas = Math.Min(canary.Replicas + scaleUpRoom, desiredCanary);
        }

        if (input.OlderReplicas > 0)
        {
            // Older ReplicaSets are drained before the canary or stable is scaled down.
            return new CanaryReplicaCounts(canaryReplicas, stableReplicas);
        }

        var minAvailable = specReplicas - input.Limits.MaxUnavailable;
        var growingCanary = canary is null || desiredCanary >= canary.Replicas;

        // The side being drained counts at its spec size even if its pods are unavailable (e.g. crash-looping);
        // otherwise the rollout could never make room by scaling it down.
        var countedAvailable = ReplicasCountedForScaleDown(canary, ignoreAvailability: !growingCanary)
            + ReplicasCountedForScaleDown(stable, ignoreAvailability: growingCanary);
        if (countedAvailable <= minAvailable)
        {
            return new CanaryReplicaCounts(canaryReplicas, stableReplicas);
        }

        var scaleDownRoom = countedAvailable - minAvailable;
        if (!growingCanary)
        {
            canaryReplicas = ScaleDownToward(canary, desiredCanary, scaleDownRoom, canaryReplicas);
            (canaryReplicas, stableReplicas) = FitWithinLimits(canary, stable, canaryReplicas, stableReplicas, maxTotal, minAvailable);
        }
        else if (stable is not null)
        {
            stableReplicas = ScaleDownToward(stable, desiredStable, scaleDownRoom, stableReplicas);
            (stableReplicas, canaryReplicas) = FitWithinLimits(stable, canary, stableReplicas, canaryReplicas, maxTotal, minAvailable);
        }

        return new CanaryReplicaCounts(canaryReplicas, stableReplicas);
    }

    private static int ReplicasCountedForScaleDown(ReplicaSetCounts? replicaSet, bool ignoreAvailability)
    {
        if (replicaSet is null)
        {
            return 0;
        }

        // Pods above spec.replicas are already terminating and must not be relied on for availability.
        if (replicaSet.Replicas < replicaSet.AvailableReplicas || ignoreAvailability)
        {
            return replicaSet.Replicas;
        }

        return replicaSet.AvailableReplicas;
    }

    private static int ScaleDownToward(ReplicaSetCounts? draining, int desired, int scaleDownRoom, int current) =>
        draining is not null && draining.Replicas > desired
            ? Math.Max(desired, draining.Replicas - scaleDownRoom)
            : current;

    /// <summary>
    /// Trims the other ReplicaSet back under maxSurge, gives back whatever that trim cost in availability
    /// (down to the minAvailable floor), and takes any remaining excess from the draining side.
    /// </summary>
    private static (int Draining, int Adjusted) FitWithinLimits(
        ReplicaSetCounts? draining,
        ReplicaSetCounts? adjusted,
        int drainingReplicas,
        int adjustedReplicas,
        int maxTotal,
        int minAvailable)
    {
        if (adjusted is null)
        {
            return (drainingReplicas, adjustedReplicas);
        }

        var available = draining is null ? 0 : Math.Min(draining.AvailableReplicas, drainingReplicas);
        adjustedReplicas -= Math.Max(0, adjustedReplicas + drainingReplicas - maxTotal);
        available += Math.Min(adjusted.AvailableReplicas, adjustedReplicas);
        var availabilityLostByTrim = Math.Max(0, adjusted.AvailableReplicas - adjustedReplicas);
        var missingAvailability = Math.Max(0, minAvailable - available);
        adjustedReplicas += Math.Min(availabilityLostByTrim, missingAvailability);
        drainingReplicas -= Math.Max(0, adjustedReplicas + drainingReplicas - maxTotal);
        return (drainingReplicas, adjustedReplicas);
    }
}
