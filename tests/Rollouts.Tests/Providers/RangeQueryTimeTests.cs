using Tollgate.Rollouts.Providers.Prometheus;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class RangeQueryTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("now()", 0)]
    [InlineData("now() - duration(\"1h\")", -3600)]
    [InlineData("now()-duration('5m')", -300)]
    [InlineData("now() + duration(\"1m30s\")", 90)]
    [InlineData("duration(\"10s\") + now()", 10)]
    [InlineData("now() - (duration(\"1h\") + duration(\"30m\"))", -5400)]
    [InlineData("now() - duration(\"-2m\")", 120)]
    [InlineData("  now ( )  ", 0)]
    [InlineData("now() - duration(\"500ms\")", -0.5)]
    public void Evaluate_Expression_OffsetFromNow(string expression, double seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), RangeQueryTime.Evaluate(expression, Now));

    [Fact]
    public void Evaluate_Date_ThatTime() =>
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 15, 4, 5, TimeSpan.Zero), RangeQueryTime.Evaluate("date(\"2026-01-02T15:04:05Z\") ", Now));

    [Theory]
    [InlineData("duration(\"1h\")", "expected time.Time, but got time.Duration")]
    [InlineData("now() - now()", "expected time.Time, but got time.Duration")]
    [InlineData("now() + now()", "invalid operation: time.Time + time.Time")]
    [InlineData("", "expected now(), duration(\"...\") or date(\"...\")")]
    [InlineData("now", "expected '('")]
    [InlineData("now() -", "expected now(), duration")]
    [InlineData("now() * 2", "unexpected \"* 2\"")]
    [InlineData("today()", "today() is not supported")]
    [InlineData("now() - duration(\"1 hour\")", "unknown unit \" hour\" in duration \"1 hour\"")]
    [InlineData("now() - duration(\"1h)", "unterminated string")]
    public void Evaluate_NotATime_FormatException(string expression, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => RangeQueryTime.Evaluate(expression, Now)).Message, StringComparison.Ordinal);
}
