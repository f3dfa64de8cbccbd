namespace Tollgate.Rollouts.Canary;

/// <summary>
/// setCanaryScale: sizes the canary independently of setWeight. As in Argo, when several fields are set
/// <see cref="MatchTrafficWeight"/> (hand sizing back to setWeight) wins over <see cref="Replicas"/>,
/// which wins over <see cref="Weight"/> (a percentage of spec.replicas).
/// </summary>
public sealed record SetCanaryScaleStep(int? Replicas = null, int? Weight = null, bool MatchTrafficWeight = false) : CanaryStep
{
    public int? Replicas
    {
        get;
        init => field = Guard.NonNegative(value, nameof(Replicas));
    } = Guard.NonNegative(Replicas, nameof(Replicas));

    public int? Weight
    {
        get;
        init => field = Guard.Weight(value, nameof(Weight));
    } = Guard.Weight(Weight, nameof(Weight));
}
