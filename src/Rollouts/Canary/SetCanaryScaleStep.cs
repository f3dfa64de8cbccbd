namespace Tollgate.Rollouts.Canary;

/// <summary>
/// setCanaryScale: sizes the canary independently of setWeight. As in Argo, when several fields are set
/// <see cref="MatchTrafficWeight"/> (hand sizing back to setWeight) wins over <see cref="Replicas"/>,
/// which wins over <see cref="Weight"/> (a percentage of spec.replicas).
/// </summary>
public sealed record SetCanaryScaleStep(int? Replicas = null, int? Weight = null, bool MatchTrafficWeight = false) : CanaryStep
{
    public int? Replicas { get; } = Replicas is { } count ? Guard.NonNegative(count, nameof(Replicas)) : null;

    public int? Weight { get; } = Weight is { } percent ? Guard.Weight(percent, nameof(Weight)) : null;
}
