namespace Tollgate.Rollouts.Canary;

/// <summary>maxSurge and maxUnavailable resolved to pod counts for a given spec.replicas.</summary>
public sealed record ScalingLimits(int MaxSurge, int MaxUnavailable)
{
    public static IntOrPercent DefaultMaxSurge { get; } = IntOrPercent.FromPercent(25);

    public static IntOrPercent DefaultMaxUnavailable { get; } = IntOrPercent.FromPercent(25);

    /// <summary>
    /// Resolves the limits as Argo's MaxSurge/MaxUnavailable do: maxSurge percentages round up,
    /// maxUnavailable percentages round down, unset values default to 25%.
    /// </summary>
    public static ScalingLimits Resolve(int specReplicas, IntOrPercent? maxSurge = null, IntOrPercent? maxUnavailable = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(specReplicas);
        var surge = (maxSurge ?? DefaultMaxSurge).Resolve(specReplicas, roundUp: true);
        var unavailable = (maxUnavailable ?? DefaultMaxUnavailable).Resolve(specReplicas, roundUp: false);

        // Rounding down can turn a non-zero percentage into 0; with no surge either the rollout could
        // never move, so Kubernetes and Argo fall back to one unavailable pod.
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        unavailable = specReplicas == 0 ? 0 : Math.Min(unavailable, specReplicas);
        return new ScalingLimits(surge, unavailable);
    }
}
