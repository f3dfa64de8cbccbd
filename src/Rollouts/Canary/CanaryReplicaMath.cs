namespace Tollgate.Rollouts.Canary;

/// <summary>Turns a canary weight into canary/stable replica counts when pods, not a traffic router, carry the split.</summary>
public static class CanaryReplicaMath
{
    public const int MaxWeight = 100;

    /// <summary>
    /// The canary/stable counts closest to <paramref name="weight"/> percent (Argo's
    /// approximateWeightedCanaryStableReplicaCounts). Ties round the canary up; the pair may sum to
    /// spec.replicas + 1 when a surge pod gives a closer split; a weight strictly between 0 and 100
    /// never yields zero canary (nor zero stable) unless there is a single replica and no surge.
    /// </summary>
    public static CanaryReplicaCounts DesiredCounts(int specReplicas, int weight, int maxSurge)
    {
        Guard.NonNegative(specReplicas, nameof(specReplicas));
        Guard.Weight(weight, nameof(weight));
        Guard.NonNegative(maxSurge, nameof(maxSurge));
        if (specReplicas == 0)
        {
            return new CanaryReplicaCounts(0, 0);
        }

        // Same floating-point expressions as Argo so that ties (x.5) are detected identically.
        var ceiling = (int)Math.Ceiling((double)(specReplicas * weight) / MaxWeight);
        var floor = (int)Math.Floor((double)(specReplicas * weight) / MaxWeight);
        var zeroAllowed = weight == MaxWeight || weight == 0 || (specReplicas == 1 && maxSurge == 0);

        var options = new List<(int Canary, int Total)>(4);
        if (ceiling < specReplicas || zeroAllowed)
        {
            options.Add((ceiling, specReplicas));
        }

        if (!IsTie(weight, specReplicas) && (floor != 0 || zeroAllowed))
        {
            options.Add((floor, specReplicas));
        }

        if (maxSurge > 0)
        {
            options.Add((ceiling, specReplicas + 1));
            if (!IsTie(weight, specReplicas + 1) && (floor != 0 || zeroAllowed))
            {
                options.Add((floor, specReplicas + 1));
            }
        }

        if (options.Count == 0)
        {
            return new CanaryReplicaCounts(0, specReplicas);
        }

        var best = options[0];
        for (var index = 1; index < options.Count; index++)
        {
            // Strictly smaller: on equal distance the earlier (non-surge, rounded-up) option stays.
            if (Distance(weight, options[index]) < Distance(weight, best))
            {
                best = options[index];
            }
        }

        return new CanaryReplicaCounts(best.Canary, best.Total - best.Canary);
    }

    /// <summary>
    /// Like <see cref="DesiredCounts(int, int, int)"/>, with an active setCanaryScale overriding the canary:
    /// explicit replicas give that many canary pods (stable keeps the rest of spec.replicas), a scale weight
    /// replaces the step weight, matchTrafficWeight keeps the step weight.
    /// </summary>
    public static CanaryReplicaCounts DesiredCounts(int specReplicas, int stepWeight, int maxSurge, SetCanaryScaleStep? canaryScale)
    {
        if (canaryScale is null || canaryScale.MatchTrafficWeight)
        {
            return DesiredCounts(specReplicas, stepWeight, maxSurge);
        }

        if (canaryScale.Replicas is { } canaryReplicas)
        {
            Guard.NonNegative(specReplicas, nameof(specReplicas));
            return new CanaryReplicaCounts(canaryReplicas, Math.Max(specReplicas - canaryReplicas, 0));
        }

        return DesiredCounts(specReplicas, canaryScale.Weight ?? stepWeight, maxSurge);
    }

    private static bool IsTie(int weight, int totalReplicas)
    {
        var exact = totalReplicas * ((double)weight / MaxWeight);
        return exact - Math.Truncate(exact) == 0.5;
    }

    private static double Distance(int weight, (int Canary, int Total) option) =>
        Math.Abs((double)(option.Canary * MaxWeight) / option.Total - weight);
}
