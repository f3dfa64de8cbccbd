using Tollgate.Shared.Kube.Config;

namespace Tollgate.Shared.Tests.Config;

public sealed class OneLineTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Unable to refresh OIDC token. \n Connection refused", "Unable to refresh OIDC token. Connection refused")]
    [InlineData("failed: System.Text.Json.JsonException: bad\n   at A.B()\n   at C.D()\n--- End of stack trace ---", "failed: System.Text.Json.JsonException: bad")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Of_Messages_OneLineWithoutStackFrames(string? message, string expected) => Assert.Equal(expected, OneLine.Of(message));

    [Fact]
    public void Of_LongMessage_Cut() => Assert.Equal(OneLine.MaxLength + 1, OneLine.Of(new string('x', 1000)).Length);

    [Theory]
    [InlineData("warming up\nlogin required\n", "login required")]
    [InlineData("", "")]
    public void Last_Stderr_LastNonEmptyLine(string text, string expected) => Assert.Equal(expected, OneLine.Last(text));
}
