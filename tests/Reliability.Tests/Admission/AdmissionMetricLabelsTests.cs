using Tollgate.Shared.Admission;

namespace Tollgate.Reliability.Tests.Admission;

public sealed class AdmissionMetricLabelsTests
{
    [Theory]
    [InlineData("CREATE", "CREATE")]
    [InlineData("UPDATE", "UPDATE")]
    [InlineData("DELETE", "DELETE")]
    [InlineData("CONNECT", "CONNECT")]
    [InlineData("create", "other")]
    [InlineData("", "other")]
    [InlineData(null, "other")]
    [InlineData("CREATE\u0000", "other")]
    public void Operation_AnyValue_OneOfAFixedSet(string? operation, string expected) =>
        Assert.Equal(expected, AdmissionMetricLabels.Operation(operation));

    [Fact]
    public void Operation_MegabyteString_Other() => Assert.Equal("other", AdmissionMetricLabels.Operation(new string('C', 1024 * 1024)));
}
