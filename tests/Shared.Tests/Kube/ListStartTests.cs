using Tollgate.Shared.Kube.Watch;

namespace Tollgate.Shared.Tests.Kube;

public sealed class ListStartTests
{
    [Theory]
    [InlineData(null, false, "0", 500)]
    [InlineData("", false, "0", 500)]
    [InlineData("4711", false, "4711", null)]
    [InlineData("4711", true, "", 500)]
    [InlineData(null, true, "", 500)]
    public void For_LastSeenAndExpiry_ResourceVersionAndPageSize(string? lastSeen, bool expired, string resourceVersion, int? limit)
    {
        Assert.Equal((resourceVersion, limit), ListStart.For(lastSeen, expired));
    }
}
