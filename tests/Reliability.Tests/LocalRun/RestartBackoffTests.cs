using Tollgate.LocalRun;

namespace Tollgate.Reliability.Tests.LocalRun;

public sealed class RestartBackoffTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(60, 30)]
    [InlineData(int.MaxValue, 30)]
    public void Delay_RecentRestarts_DoublesToTheCap(int recentRestarts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RestartBackoff.Delay(recentRestarts));

    [Theory]
    [InlineData(4, 59, 4)]
    [InlineData(4, 60, 0)]
    [InlineData(0, 1, 0)]
    public void RecentRestarts_AfterARun_ForgivenOnlyWhenStable(int previous, int uptimeSeconds, int expected) =>
        Assert.Equal(expected, RestartBackoff.RecentRestarts(previous, TimeSpan.FromSeconds(uptimeSeconds)));
}
