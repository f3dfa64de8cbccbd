namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// What one watch stream shows at one moment, for <see cref="CanaryInvariants"/>: the Rollout's limits. Each view comes from a single
/// stream (pods, ReplicaSets or AnalysisRuns), whose events are ordered, so a part is never a mix of two moments.
/// </summary>
/// <param name="Replicas">The Rollout's spec.replicas.</param>
/// <param name="MaxSurge">maxSurge resolved to pods (rounded up, as Kubernetes does).</param>
/// <param name="MaxUnavailable">maxUnavailable resolved to pods (rounded down).</param>
/// <param name="AvailabilityArmed">Whether the availability floor applies yet: not before the first deploy was ever fully available.</param>
public sealed record CanaryLimits(int Replicas, int MaxSurge, int MaxUnavailable, bool AvailabilityArmed)
{
    /// <summary>Argo Rollouts' default maxSurge and maxUnavailable (25%) for <paramref name="replicas"/>.</summary>
    public static CanaryLimits ArgoDefaults(int replicas) => new(
        replicas,
        CanaryInvariants.Resolve(null, replicas, roundUp: true, fallbackPercent: 25),
        CanaryInvariants.Resolve(null, replicas, roundUp: false, fallbackPercent: 25),
        AvailabilityArmed: false);
}
