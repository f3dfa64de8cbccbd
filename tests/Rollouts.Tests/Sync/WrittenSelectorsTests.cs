using Tollgate.Rollouts.Sync;

namespace Tollgate.Rollouts.Tests.Sync;

public sealed class WrittenSelectorsTests
{
    [Fact]
    public void Resolve_NothingWritten_Cache()
    {
        Assert.Equal("old", new WrittenSelectors().Resolve("ns", "active", "7", "old"));
    }

    [Fact]
    public void Resolve_CacheStillAtTheVersionWrittenOver_TheWrittenHash()
    {
        var written = new WrittenSelectors();
        written.Record("ns", "active", "7", "new");

        Assert.Equal("new", written.Resolve("ns", "active", "7", "old"));
        Assert.Equal("new", written.Resolve("ns", "active", "7", "old"));
    }

    [Theory]
    [InlineData("8", "new")]
    [InlineData("9", "other")]
    [InlineData("9", null)]
    public void Resolve_CacheMovedOn_CacheFromThenOn(string version, string? cached)
    {
        var written = new WrittenSelectors();
        written.Record("ns", "active", "7", "new");

        Assert.Equal(cached, written.Resolve("ns", "active", version, cached));
        Assert.Equal("old", written.Resolve("ns", "active", "7", "old"));
    }

    [Theory]
    [InlineData("other-ns", "active")]
    [InlineData("ns", "preview")]
    public void Resolve_AnotherService_NotAffected(string @namespace, string name)
    {
        var written = new WrittenSelectors();
        written.Record("ns", "active", "7", "new");

        Assert.Equal("old", written.Resolve(@namespace, name, "7", "old"));
    }

    [Fact]
    public void Record_NoVersionRead_NotRemembered()
    {
        var written = new WrittenSelectors();
        written.Record("ns", "active", null, "new");

        Assert.Equal("old", written.Resolve("ns", "active", null, "old"));
    }
}
