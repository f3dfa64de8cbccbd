using Tollgate.Rollouts.Canary;

namespace Tollgate.Rollouts.Tests.Canary;

public sealed class ScalingLimitsTests
{
    [Theory]
    [InlineData(10, null, null, 3, 2)] // defaults 25%: surge rounds up, unavailable rounds down
    [InlineData(4, null, null, 1, 1)]
    [InlineData(3, null, null, 1, 0)]
    [InlineData(1, null, null, 1, 0)]
    [InlineData(10, "20%", "0", 2, 0)]
    [InlineData(10, "0", "20%", 0, 2)]
    [InlineData(10, "3", "0", 3, 0)]
    [InlineData(10, "1", "1", 1, 1)]
    [InlineData(10, "0%", "0%", 0, 1)] // both zero: maxUnavailable falls back to 1
    [InlineData(10, "0", "0", 0, 1)]
    [InlineData(3, "0%", "10%", 0, 1)] // 10% of 3 rounds down to 0
    [InlineData(10, "0", "15", 0, 10)] // maxUnavailable is capped at spec.replicas
    [InlineData(10, "50%", "100%", 5, 10)]
    [InlineData(0, null, null, 0, 0)]
    [InlineData(0, "0", "0", 0, 0)] // nothing can be unavailable with no replicas
    public void Resolve_SurgeAndUnavailable_MatchesArgo(int specReplicas, string? maxSurge, string? maxUnavailable, int expectedSurge, int expectedUnavailable)
    {
        var limits = ScalingLimits.Resolve(specReplicas, LimitText.Parse(maxSurge), LimitText.Parse(maxUnavailable));

        Assert.Equal(new ScalingLimits(expectedSurge, expectedUnavailable), limits);
    }
}
