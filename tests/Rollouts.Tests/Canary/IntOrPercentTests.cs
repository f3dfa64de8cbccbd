using Tollgate.Rollouts.Canary;

namespace Tollgate.Rollouts.Tests.Canary;

public sealed class IntOrPercentTests
{
    [Theory]
    [InlineData("25%", 25)]
    [InlineData("0%", 0)]
    [InlineData("100%", 100)]
    [InlineData("25", 25)] // Argo resolves every string as a percentage, '%' or not.
    public void Parse_ValidText_ReturnsPercentage(string text, int expectedPercent)
    {
        var parsed = IntOrPercent.Parse(text);

        Assert.True(parsed.IsPercent);
        Assert.Equal(expectedPercent, parsed.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("abc")]
    [InlineData("-5%")]
    [InlineData("2.5%")]
    [InlineData(" 25%")]
    [InlineData("99999999999%")]
    public void Parse_InvalidText_ThrowsFormatExceptionNamingValue(string text)
    {
        var exception = Assert.Throws<FormatException>(() => IntOrPercent.Parse(text));

        Assert.Contains($"'{text}'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, 10, true, 3)]
    [InlineData(25, 10, false, 2)]
    [InlineData(20, 10, true, 2)]
    [InlineData(20, 10, false, 2)]
    [InlineData(1, 1, true, 1)]
    [InlineData(1, 1, false, 0)]
    [InlineData(33, 3, true, 1)]
    [InlineData(33, 3, false, 0)]
    [InlineData(0, 10, true, 0)]
    [InlineData(100, 7, false, 7)]
    [InlineData(150, 4, false, 6)]
    public void Resolve_Percentage_RoundsUpOrDownAsRequested(int percent, int total, bool roundUp, int expected)
    {
        Assert.Equal(expected, IntOrPercent.FromPercent(percent).Resolve(total, roundUp));
    }

    [Theory]
    [InlineData(3, 10, true)]
    [InlineData(3, 10, false)]
    [InlineData(0, 5, true)]
    [InlineData(12, 4, false)]
    public void Resolve_AbsoluteCount_ReturnsCountUnchanged(int count, int total, bool roundUp)
    {
        Assert.Equal(count, IntOrPercent.FromInt(count).Resolve(total, roundUp));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(-1, true)]
    public void Factory_NegativeValue_Throws(int value, bool isPercent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => isPercent ? IntOrPercent.FromPercent(value) : IntOrPercent.FromInt(value));
    }

    [Theory]
    [InlineData(25, true, "25%")]
    [InlineData(3, false, "3")]
    public void ToString_Value_RendersKubernetesForm(int value, bool isPercent, string expected)
    {
        var limit = isPercent ? IntOrPercent.FromPercent(value) : IntOrPercent.FromInt(value);

        Assert.Equal(expected, limit.ToString());
    }
}
