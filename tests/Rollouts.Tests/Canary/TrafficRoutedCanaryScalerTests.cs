using Tollgate.Rollouts.Canary;

namespace Tollgate.Rollouts.Tests.Canary;

public sealed class TrafficRoutedCanaryScalerTests
{
    [Theory]
    [InlineData(10, 10, 1, 10)] // the canary is ceil(weight% of replicas); the stable keeps every replica
    [InlineData(3, 10, 1, 3)] // 10% of 3 pods: one canary pod, the traffic still exactly 10%
    [InlineData(4, 30, 2, 4)]
    [InlineData(4, 0, 0, 4)]
    [InlineData(4, 100, 4, 4)]
    [InlineData(0, 50, 0, 0)]
    public void Calculate_WithoutDynamicScale_CanaryFromWeightStableFull(int replicas, int weight, int canary, int stable)
    {
        var counts = TrafficRoutedCanaryScaler.Calculate(new TrafficRoutedScaleInput(replicas, weight));

        Assert.Equal(new CanaryReplicaCounts(canary, stable), counts);
    }

    [Theory]
    [InlineData(30, 10, 3, 9)] // going up: the stable keeps ceil(90%) while 90% still goes to it
    [InlineData(30, 30, 3, 7)]
    [InlineData(10, 30, 1, 9)] // going down: the stable grows for the traffic coming back
    public void Calculate_Dynamic_StableFromLargerOfDesiredAndRoutedShare(int weight, int routedCanary, int canary, int stable)
    {
        var counts = TrafficRoutedCanaryScaler.Calculate(new TrafficRoutedScaleInput(10, weight, DynamicStableScale: true, RoutedCanaryWeight: routedCanary, RoutedStableWeight: 100 - routedCanary));

        Assert.Equal(new CanaryReplicaCounts(canary, stable), counts);
    }

    [Fact]
    public void Calculate_DynamicAborted_CanaryKeepsPodsForItsRoutedTraffic()
    {
        var counts = TrafficRoutedCanaryScaler.Calculate(new TrafficRoutedScaleInput(10, 0, DynamicStableScale: true, RoutedCanaryWeight: 30, RoutedStableWeight: 70, Aborted: true));

        Assert.Equal(new CanaryReplicaCounts(3, 10), counts);
    }

    [Theory]
    [InlineData(10, 2, 2)] // 1 pod raised to 2
    [InlineData(0, 2, 0)] // a ReplicaSet without pods stays empty
    [InlineData(10, 99, 10)] // never above spec.replicas
    public void Calculate_MinPodsPerReplicaSet_RaisesCanaryThatHasPods(int weight, int minimum, int canary)
    {
        var counts = TrafficRoutedCanaryScaler.Calculate(new TrafficRoutedScaleInput(10, weight, MinPodsPerReplicaSet: minimum));

        Assert.Equal(canary, counts.CanaryReplicas);
    }

    [Fact]
    public void Calculate_CanaryScaleReplicas_SizesCanaryOutright()
    {
        var counts = TrafficRoutedCanaryScaler.Calculate(new TrafficRoutedScaleInput(10, 0, CanaryScaleReplicas: 7));

        Assert.Equal(new CanaryReplicaCounts(7, 10), counts);
    }
}
