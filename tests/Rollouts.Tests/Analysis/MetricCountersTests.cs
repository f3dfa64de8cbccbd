using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class MetricCountersTests
{
    [Theory]
    [InlineData("", 0, 0, 0, 0, 0, 0, 0)]
    [InlineData("S,S,F,E,E,I,S", 5, 3, 1, 1, 2, 0, 1)]
    [InlineData("S,E,E", 1, 1, 0, 0, 2, 2, 0)]
    [InlineData("S,S,R", 2, 2, 0, 0, 0, 0, 2)] // in-flight measurements change nothing
    [InlineData("E,E,S,S,S", 3, 3, 0, 0, 2, 0, 3)]
    [InlineData("S,S,I", 3, 2, 0, 1, 0, 0, 0)]
    public void FromMeasurements_Phases_TalliesLikeArgo(
        string measurements,
        int count,
        int successful,
        int failed,
        int inconclusive,
        int error,
        int consecutiveError,
        int consecutiveSuccess)
    {
        var counters = MetricCounters.FromMeasurements(PhaseText.Parse(measurements));

        Assert.Equal(new MetricCounters(count, successful, failed, inconclusive, error, consecutiveError, consecutiveSuccess), counters);
    }
}
