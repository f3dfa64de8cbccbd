using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class MetricScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<TimeSpan?, TimeSpan?, DateTimeOffset?, DateTimeOffset> Cases => new()
    {
        { null, null, null, Start },
        { TimeSpan.FromSeconds(10), null, null, Start.AddSeconds(10) },
        { TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), Start.AddSeconds(12), Start.AddSeconds(42) },
        { null, null, Start.AddSeconds(3), Start.AddSeconds(3) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NextMeasurementAt_Cases_DueTime(TimeSpan? initialDelay, TimeSpan? interval, DateTimeOffset? lastFinished, DateTimeOffset expected) =>
        Assert.Equal(expected, MetricSchedule.NextMeasurementAt(Start, initialDelay, interval, lastFinished));
}
