namespace Tollgate.Rollouts.Canary;

/// <summary>What the basic (no traffic router) canary scaler needs to decide the next replica counts.</summary>
/// <param name="SpecReplicas">The rollout's spec.replicas.</param>
/// <param name="DesiredWeight">The canary weight to converge to (see <see cref="CanarySteps.DesiredWeight"/>).</param>
/// <param name="Limits">maxSurge/maxUnavailable resolved for <paramref name="SpecReplicas"/>.</param>
/// <param name="Canary">The new ReplicaSet, or null when it does not exist yet.</param>
/// <param name="Stable">The stable ReplicaSet, or null when there is none or it is the new ReplicaSet itself.</param>
/// <param name="OlderReplicas">Sum of spec.replicas of every other (older) ReplicaSet.</param>
/// <param name="CanaryScale">The active setCanaryScale, if any.</param>
public sealed record BasicCanaryScaleInput(
    int SpecReplicas,
    int DesiredWeight,
    ScalingLimits Limits,
    ReplicaSetCounts? Canary,
    ReplicaSetCounts? Stable,
    int OlderReplicas = 0,
    SetCanaryScaleStep? CanaryScale = null)
{
    public int SpecReplicas
    {
        get;
        init => field = Guard.NonNegative(value, nameof(SpecReplicas));
    } = Guard.NonNegative(SpecReplicas, nameof(SpecReplicas));

    public int DesiredWeight
    {
        get;
        init => field = Guard.Weight(value, nameof(DesiredWeight));
    } = Guard.Weight(DesiredWeight, nameof(DesiredWeight));

    public int OlderReplicas
    {
        get;
        init => field = Guard.NonNegative(value, nameof(OlderReplicas));
    } = Guard.NonNegative(OlderReplicas, nameof(OlderReplicas));
}
