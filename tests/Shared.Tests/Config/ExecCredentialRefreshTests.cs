using Tollgate.Shared.Kube.Config;

namespace Tollgate.Shared.Tests.Config;

public sealed class ExecCredentialRefreshTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, false)]
    [InlineData(3600, false)]
    [InlineData(31, false)]
    [InlineData(30, true)]
    [InlineData(5, true)]
    [InlineData(-60, true)]
    public void IsDue_SecondsUntilExpiration_RefreshesWithinTheMargin(int? secondsLeft, bool due)
    {
        DateTimeOffset? expiration = secondsLeft is { } s ? Now.AddSeconds(s) : null;

        Assert.Equal(due, ExecCredentialRefresh.IsDue(expiration, Now));
    }
}
