using Tollgate.Rollouts.Canary;

namespace Tollgate.Rollouts.Tests.Canary;

public sealed class CanaryReplicaMathTests
{
    [Theory]
    [InlineData(0, 0, 0, 0, 0)]
    [InlineData(0, 50, 0, 0, 0)]
    [InlineData(0, 100, 1, 0, 0)]
    [InlineData(1, 0, 0, 0, 1)]
    [InlineData(1, 1, 0, 0, 1)] // one replica, no surge: a small weight may round the canary to 0
    [InlineData(1, 49, 0, 0, 1)]
    [InlineData(1, 50, 0, 1, 0)] // tie rounds the canary up
    [InlineData(1, 99, 0, 1, 0)]
    [InlineData(1, 100, 0, 1, 0)]
    [InlineData(1, 0, 1, 0, 1)]
    [InlineData(1, 1, 1, 1, 1)] // with surge, 1 canary + 1 stable (50%) beats 0%
    [InlineData(1, 50, 1, 1, 1)]
    [InlineData(1, 99, 1, 1, 1)]
    [InlineData(1, 100, 1, 1, 0)]
    [InlineData(2, 0, 0, 0, 2)]
    [InlineData(2, 1, 0, 1, 1)] // 0 < weight < 100 never gives 0 canary with 2+ replicas
    [InlineData(2, 50, 0, 1, 1)]
    [InlineData(2, 99, 0, 1, 1)] // ...nor all-canary
    [InlineData(2, 100, 0, 2, 0)]
    [InlineData(2, 1, 1, 1, 2)]
    [InlineData(2, 99, 1, 2, 1)]
    [InlineData(3, 10, 0, 1, 2)]
    [InlineData(3, 33, 0, 1, 2)]
    [InlineData(3, 49, 0, 1, 2)]
    [InlineData(3, 50, 0, 2, 1)] // 1.5 canaries: tie rounds up
    [InlineData(3, 10, 1, 1, 3)] // surge gives 25%, closer to 10% than 33%
    [InlineData(3, 25, 1, 1, 3)]
    [InlineData(3, 33, 1, 1, 2)]
    [InlineData(3, 49, 1, 2, 2)]
    [InlineData(3, 50, 1, 2, 2)]
    [InlineData(10, 1, 0, 1, 9)]
    [InlineData(10, 14, 0, 1, 9)]
    [InlineData(10, 15, 0, 2, 8)]
    [InlineData(10, 16, 0, 2, 8)]
    [InlineData(10, 99, 0, 9, 1)]
    [InlineData(10, 0, 1, 0, 10)]
    [InlineData(10, 1, 1, 1, 10)]
    [InlineData(10, 18, 1, 2, 9)]
    [InlineData(10, 20, 1, 2, 8)]
    [InlineData(10, 23, 1, 2, 8)]
    [InlineData(10, 24, 1, 3, 8)]
    [InlineData(10, 25, 1, 3, 8)]
    [InlineData(10, 99, 1, 10, 1)]
    [InlineData(10, 100, 1, 10, 0)]
    [InlineData(10, 10, 3, 1, 9)]
    [InlineData(10, 30, 3, 3, 7)]
    [InlineData(10, 50, 3, 5, 5)]
    public void DesiredCounts_Weight_ApproximatesSplitLikeArgo(int specReplicas, int weight, int maxSurge, int expectedCanary, int expectedStable)
    {
        var counts = CanaryReplicaMath.DesiredCounts(specReplicas, weight, maxSurge);

        Assert.Equal(new CanaryReplicaCounts(expectedCanary, expectedStable), counts);
    }

    [Theory]
    [InlineData(null, null, false, 3, 7)] // no setCanaryScale: follows the step weight
    [InlineData(null, null, true, 3, 7)] // matchTrafficWeight: follows the step weight
    [InlineData(2, null, false, 2, 8)]
    [InlineData(0, null, false, 0, 10)]
    [InlineData(12, null, false, 12, 0)]
    [InlineData(null, 50, false, 5, 5)]
    [InlineData(null, 0, false, 0, 10)]
    [InlineData(4, 90, false, 4, 6)] // replicas win over weight
    [InlineData(4, null, true, 3, 7)] // matchTrafficWeight wins over replicas
    public void DesiredCounts_WithCanaryScale_OverridesCanary(int? replicas, int? weight, bool matchTrafficWeight, int expectedCanary, int expectedStable)
    {
        var scale = replicas is null && weight is null && !matchTrafficWeight
            ? null
            : new SetCanaryScaleStep(replicas, weight, matchTrafficWeight);

        var counts = CanaryReplicaMath.DesiredCounts(specReplicas: 10, stepWeight: 30, maxSurge: 3, scale);

        Assert.Equal(new CanaryReplicaCounts(expectedCanary, expectedStable), counts);
    }

    [Theory]
    [InlineData(10, -1, 0)]
    [InlineData(10, 101, 0)]
    [InlineData(-1, 10, 0)]
    [InlineData(10, 10, -1)]
    public void DesiredCounts_OutOfRangeInput_Throws(int specReplicas, int weight, int maxSurge)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CanaryReplicaMath.DesiredCounts(specReplicas, weight, maxSurge));
    }
}
