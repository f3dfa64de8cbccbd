using Tollgate.Rollouts.Providers;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class OAuth2ClientCredentialsTests
{
    [Theory]
    [InlineData("""{"access_token":"abc","token_type":"bearer","expires_in":3600}""", "application/json", "Bearer abc")]
    [InlineData("""{"access_token":"abc"}""", null, "Bearer abc")]
    [InlineData("""{"access_token":"abc","token_type":"MAC"}""", "application/json", "MAC abc")]
    [InlineData("""{"access_token":"abc","token_type":"DPoP"}""", "application/json", "DPoP abc")]
    [InlineData("access_token=a%2Bb&token_type=bearer", "application/x-www-form-urlencoded", "Bearer a+b")]
    [InlineData("access_token=xyz", "text/plain", "Bearer xyz")]
    public void ParseAuthorization_TokenResponse_HeaderValue(string body, string? mediaType, string expected) =>
        Assert.Equal(expected, OAuth2ClientCredentials.ParseAuthorization(body, mediaType));

    [Theory]
    [InlineData("""{"token_type":"bearer"}""", "application/json", "oauth2: server response missing access_token")]
    [InlineData("""not json""", "application/json", "oauth2: cannot parse json")]
    public void ParseAuthorization_NoToken_MetricQueryException(string body, string mediaType, string message) =>
        Assert.StartsWith(message, Assert.Throws<MetricQueryException>(() => OAuth2ClientCredentials.ParseAuthorization(body, mediaType)).Message, StringComparison.Ordinal);
}
