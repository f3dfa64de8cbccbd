namespace Tollgate.Rollouts.Canary;

/// <summary>What the traffic-routed canary sizing needs (Argo's CalculateReplicaCountsForTrafficRoutedCanary).</summary>
/// <param name="SpecReplicas">The rollout's spec.replicas.</param>
/// <param name="DesiredWeight">The canary's share of pods: the step weight, a setCanaryScale weight, 100 when promoted.</param>
/// <param name="CanaryScaleReplicas">setCanaryScale.replicas in effect, which sizes the canary outright.</param>
/// <param name="DynamicStableScale">spec.strategy.canary.dynamicStableScale: the stable shrinks as traffic leaves it.</param>
/// <param name="MinPodsPerReplicaSet">spec.strategy.canary.minPodsPerReplicaSet, the floor of a ReplicaSet that has pods.</param>
/// <param name="RoutedCanaryWeight">status.canary.weights.canary.weight as stored: the traffic the canary takes now.</param>
/// <param name="RoutedStableWeight">status.canary.weights.stable.weight as stored.</param>
/// <param name="Aborted">The rollout is aborted: with dynamic scaling the canary keeps pods until traffic has left it.</param>
public sealed record TrafficRoutedScaleInput(
    int SpecReplicas,
    int DesiredWeight,
    int? CanaryScaleReplicas = null,
    bool DynamicStableScale = false,
    int? MinPodsPerReplicaSet = null,
    int? RoutedCanaryWeight = null,
    int? RoutedStableWeight = null,
    bool Aborted = false)
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
}
