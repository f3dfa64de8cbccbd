using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class MeasurementRetentionTests
{
    [Theory]
    [InlineData(15, null, 5, 10)] // default keeps the newest 10
    [InlineData(5, null, 0, 5)]
    [InlineData(10, null, 0, 10)]
    [InlineData(15, 3, 12, 3)]
    [InlineData(15, 0, 5, 10)] // non-positive limits fall back to the default
    [InlineData(15, -2, 5, 10)]
    [InlineData(0, 3, 0, 0)]
    public void Trim_Measurements_KeepsNewest(int measurementCount, int? limit, int expectedFirst, int expectedCount)
    {
        var measurements = Enumerable.Range(0, measurementCount).ToArray();

        var kept = MeasurementRetention.Trim(measurements, limit);

        Assert.Equal(Enumerable.Range(expectedFirst, expectedCount), kept);
    }
}
