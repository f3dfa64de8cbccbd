using Tollgate.Shared.Durations;

namespace Tollgate.Shared.Tests.Durations;

/// <summary>Go's time.ParseDuration, row for row: what it accepts, the nanoseconds it returns, what it refuses.</summary>
public sealed class GoDurationTests
{
    public static TheoryData<string, long> Valid => new()
    {
        { "0", 0 },
        { "+0", 0 },
        { "-0", 0 },
        { "0s", 0 },
        { "5s", 5_000_000_000 },
        { "30s", 30_000_000_000 },
        { "1478s", 1_478_000_000_000 },
        { "-5s", -5_000_000_000 },
        { "+5s", 5_000_000_000 },
        { "-0s", 0 },
        { "5.0s", 5_000_000_000 },
        { "5.6s", 5_600_000_000 },
        { "5.s", 5_000_000_000 },
        { ".5s", 500_000_000 },
        { "1.0s", 1_000_000_000 },
        { "1.00s", 1_000_000_000 },
        { "1.004s", 1_004_000_000 },
        { "1.0040s", 1_004_000_000 },
        { "100.00100s", 100_001_000_000 },
        { "10ns", 10 },
        { "11us", 11_000 },
        { "12µs", 12_000 }, // U+00B5 micro sign
        { "12μs", 12_000 }, // U+03BC Greek mu
        { "13ms", 13_000_000 },
        { "14s", 14_000_000_000 },
        { "15m", 900_000_000_000 },
        { "16h", 57_600_000_000_000 },
        { "1.5h", 5_400_000_000_000 },
        { "500ms", 500_000_000 },
        { "3h30m", 12_600_000_000_000 },
        { "1h30m", 5_400_000_000_000 },
        { "10.5s4m", 250_500_000_000 },
        { "-2m3.4s", -123_400_000_000 },
        { "1h2m3s4ms5us6ns", 3_723_004_005_006 },
        { "39h9m14.425s", 140_954_425_000_000 },
        { "52763797000ns", 52_763_797_000 },
        { "0.3333333333333333333h", 1_200_000_000_000 },
        { "9007199254740993ns", 9_007_199_254_740_993 },
        { "9223372036854775807ns", long.MaxValue },
        { "9223372036854775.807us", long.MaxValue },
        { "9223372036854ms775us807ns", long.MaxValue },
        { "-9223372036854775808ns", long.MinValue },
        { "-9223372036854775.808us", long.MinValue },
        { "-2562047h47m16.854775808s", long.MinValue },
        { "2562047h47m16.854775807s", long.MaxValue },
        { "0.100000000000000000000h", 360_000_000_000 },
        { "0.830103483285477580700h", 2_988_372_539_827 },
    };

    public static TheoryData<string> Invalid => new()
    {
        "",
        "3",
        "-",
        "+",
        "s",
        ".",
        "-.",
        ".s",
        "+.s",
        "1d",
        "5 minutes",
        " 5s",
        "5s ",
        "1 h",
        "1h-30m",
        "1h+30m",
        "--5s",
        "1e3s",
        "5S",
        "5sec",
        "\u00b5s",
        "9223372036854775808ns",
        "9223372036854775.808us",
        "9223372036854ms775us808ns",
        "-9223372036854775809ns",
        "2562048h",
        "99999999999999999999h",
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_GoAccepts_SameNanoseconds(string text, long nanoseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(nanoseconds, duration.Nanoseconds);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_GoRefuses_FalseWithMessage(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Contains("duration", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UnknownUnit_NamesTheUnit()
    {
        Assert.False(GoDuration.TryParse("5d", out _, out var error));
        Assert.Equal("unknown unit \"d\" in duration \"5d\" (use ns, us, ms, s, m or h)", error);
    }

    [Fact]
    public void TryParse_MissingUnit_SaysSo()
    {
        Assert.False(GoDuration.TryParse("30", out _, out var error));
        Assert.StartsWith("missing unit in duration \"30\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_HugeText_MessageQuotesAShortPrefix()
    {
        var text = new string('9', 1_000_000) + "s";

        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.True(error.Length < 300, error);
        Assert.Contains("(1000001 characters)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_HugeFraction_StopsCountingPrecisionLikeGo()
    {
        // Go keeps 18 of the digits, and float64 rounds 0.999999999999999999 s up to a whole second.
        Assert.True(GoDuration.TryParse("1." + new string('9', 100_000) + "s", out var duration, out var error), error);
        Assert.Equal(2_000_000_000, duration.Nanoseconds);
    }

    [Fact]
    public void TryParse_Null_False()
    {
        Assert.False(GoDuration.TryParse(null, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() => Assert.Throws<FormatException>(() => GoDuration.Parse("soon"));

    [Theory]
    [InlineData("1.5h", 5400, 5400.0)]
    [InlineData("500ms", 0, 0.5)]
    [InlineData("-1.9s", -1, -1.9)]
    [InlineData("150ns", 0, 0.0000001)]
    public void Conversions_TruncateTowardZero(string text, long wholeSeconds, double timeSpanSeconds)
    {
        var duration = GoDuration.Parse(text);

        Assert.Equal(wholeSeconds, duration.WholeSeconds);
        Assert.Equal(timeSpanSeconds, duration.ToTimeSpan().TotalSeconds, 6);
    }
}
