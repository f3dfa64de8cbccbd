using Tollgate.Shared.Formatting;
using Tollgate.Rollouts.Providers;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class GoFloatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(0.25, "0.25")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(1.5e-10, "0.00000000015")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void Fixed_Value_GoStrconvText(double value, string expected) => Assert.Equal(expected, GoFloat.Fixed(value));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(-1.5e-9, "-1.5e-9")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.25e300, "1.25e+300")]
    [InlineData(1e-100, "1e-100")]
    public void Json_Value_GoEncodingJsonText(double value, string expected) => Assert.Equal(expected, GoFloat.Json(value));
}
