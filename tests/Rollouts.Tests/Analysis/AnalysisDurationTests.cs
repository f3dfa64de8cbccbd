using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class AnalysisDurationTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0", 0)]
    public void Parse_GoDuration_Milliseconds(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), AnalysisDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("5d")]
    [InlineData("-5s")]
    public void Parse_Invalid_Throws(string text) => Assert.Throws<FormatException>(() => AnalysisDuration.Parse(text));
}
