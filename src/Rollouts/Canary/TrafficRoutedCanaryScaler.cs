namespace Tollgate.Rollouts.Canary;

/// <summary>
/// Canary and stable sizes when a traffic router carries the split (Argo's CalculateReplicaCountsForTrafficRoutedCanary).
/// The weight no longer has to be approximated by pods: the canary gets ceil(weight% of spec.replicas) pods and the
/// stable keeps all of spec.replicas, so the surge is the canary itself (maxSurge does not apply). With
/// dynamicStableScale the stable is sized by the larger of its desired and its current traffic share, so it never
/// shrinks before traffic has left it, and on an abort the canary likewise keeps the pods its current traffic needs.
/// </summary>
public static class TrafficRoutedCanaryScaler
{
    public static CanaryReplicaCounts Calculate(TrafficRoutedScaleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = input.SpecReplicas;
        var canary = input.CanaryScaleReplicas ?? AtLeastMinimum(input, ReplicasForWeight(spec, input.DesiredWeight));
        if (!input.DynamicStableScale)
        {
            return new CanaryReplicaCounts(canary, spec);
        }

        var stable = ReplicasForWeight(spec, CanaryReplicaMath.MaxWeight - input.DesiredWeight);
        if (input.RoutedStableWeight is { } routedStable)
        {
            stable = Math.Max(stable, ReplicasForWeight(spec, routedStable));
        }

        if (input.Aborted && input.RoutedCanaryWeight is { } routedCanary)
        {
            canary = Math.Max(canary, ReplicasForWeight(spec, routedCanary));
        }

        return new CanaryReplicaCounts(AtLeastMinimum(input, canary), AtLeastMinimum(input, stable));
    }

    /// <summary>ceil(weight% of replicas), as Argo's trafficWeightToReplicas.</summary>
    public static int ReplicasForWeight(int replicas, int weight) =>
        (int)Math.Ceiling((double)weight * replicas / CanaryReplicaMath.MaxWeight);

    /// <summary>minPodsPerReplicaSet raises a ReplicaSet that has pods at all, never above spec.replicas.</summary>
    private static int AtLeastMinimum(TrafficRoutedScaleInput input, int count) =>
        count == 0 || input.MinPodsPerReplicaSet is not { } minimum ? count : Math.Max(count, Math.Min(minimum, input.SpecReplicas));
}
