using Tollgate.Shared.Kube.Http;

namespace Tollgate.Shared.Tests.Config;

public sealed class BearerTokenSourceTests : IDisposable
{
    private readonly string file = Path.GetTempFileName();

    public void Dispose() => File.Delete(file);

    [Fact]
    public void Current_TokenFileRotated_IsRereadAfterAMinuteOnly()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(file, "first\n");
        var source = new BearerTokenSource(null, file, clock);
        Assert.Equal("first", source.Current());

        File.WriteAllText(file, "second");
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("first", source.Current());

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("second", source.Current());
    }

    [Fact]
    public void Current_StaticToken_IsReturnedAsIs()
    {
        var source = new BearerTokenSource("static", null, TimeProvider.System);

        Assert.Equal("static", source.Current());
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset current = now;

        public override DateTimeOffset GetUtcNow() => current;

        public void Advance(TimeSpan by) => current += by;
    }
}
