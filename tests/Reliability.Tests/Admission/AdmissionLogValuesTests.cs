using Tollgate.Shared.Admission;

namespace Tollgate.Reliability.Tests.Admission;

public sealed class AdmissionLogValuesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("web-app")]
    public void Bound_Short_Unchanged(string? value) => Assert.Equal(value, AdmissionLogValues.Bound(value));

    [Fact]
    public void Bound_Megabyte_CutSayingHowMuch()
    {
        var bounded = AdmissionLogValues.Bound(new string('x', 1024 * 1024))!;

        Assert.StartsWith(new string('x', AdmissionLogValues.MaxLength) + "...(", bounded, StringComparison.Ordinal);
        Assert.EndsWith($"({1024 * 1024 - AdmissionLogValues.MaxLength} more characters)", bounded, StringComparison.Ordinal);
    }

    [Fact]
    public void BoundMessage_LongerThanAName_KeptWhole()
    {
        var message = new string('m', AdmissionLogValues.MaxMessageLength);

        Assert.Equal(message, AdmissionLogValues.BoundMessage(message));
    }
}
