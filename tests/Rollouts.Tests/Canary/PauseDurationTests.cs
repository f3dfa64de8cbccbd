using Tollgate.Rollouts.Canary;

namespace Tollgate.Rollouts.Tests.Canary;

public sealed class PauseDurationTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("45", 45)] // bare number: seconds
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("90m", 5400)]
    public void Parse_ValidDuration_ReturnsTimeSpan(string text, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), PauseDuration.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("abc")]
    [InlineData("1.5h")]
    [InlineData("-5s")]
    [InlineData("5d")]
    [InlineData("1h30m")]
    [InlineData("5 s")]
    [InlineData(" 5s")]
    [InlineData("99999999999s")]
    public void Parse_InvalidDuration_ThrowsWithClearMessage(string text)
    {
        var exception = Assert.Throws<FormatException>(() => PauseDuration.Parse(text));

        Assert.Contains($"invalid pause duration '{text}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("30s, 5m, 1h", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(600)]
    public void FromSeconds_NonNegative_ReturnsSeconds(int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), PauseDuration.FromSeconds(seconds));
    }
}
