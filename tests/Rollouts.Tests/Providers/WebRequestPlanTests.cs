using System.Text.Json;
using Tollgate.Rollouts.Providers;
using Tollgate.Rollouts.Providers.Web;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class WebRequestPlanTests
{
    [Fact]
    public void From_Defaults_GetTenSecondsWholeDocument()
    {
        var plan = WebRequestPlan.From(Web("""{"url":"http://metrics.example/api"}"""));

        Assert.Equal(("GET", new Uri("http://metrics.example/api"), TimeSpan.FromSeconds(10), false), (plan.Method, plan.Url, plan.Timeout, plan.Insecure));
        Assert.Null(plan.Body);
        Assert.Null(plan.ContentType);
        Assert.Null(plan.OAuth2);
    }

    [Fact]
    public void From_JsonBody_PostedAsJson()
    {
        var plan = WebRequestPlan.From(Web("""{"url":"http://m/q","method":"POST","jsonBody":{"query":"up","n":[1,2]},"timeoutSeconds":3,"insecure":true}"""));

        Assert.Equal("POST", plan.Method);
        Assert.Equal("""{"query":"up","n":[1,2]}""", plan.Body);
        Assert.Equal("application/json", plan.ContentType);
        Assert.Equal(TimeSpan.FromSeconds(3), plan.Timeout);
        Assert.True(plan.Insecure);
    }

    [Fact]
    public void From_TextBodyAndHeaders_KeptInOrder()
    {
        var plan = WebRequestPlan.From(Web("""{"url":"http://m/q","method":"PUT","body":"x=1","headers":[{"key":"X-A","value":"1"},{"key":"X-A","value":"2"}]}"""));

        Assert.Equal("x=1", plan.Body);
        Assert.Null(plan.ContentType);
        Assert.Equal([new("X-A", "1"), new("X-A", "2")], plan.Headers);
    }

    [Theory]
    [InlineData("""{"url":"http://m","timeoutSeconds":0}""", 10)]
    [InlineData("""{"url":"http://m","timeoutSeconds":-5}""", 10)]
    [InlineData("""{"url":"http://m","timeoutSeconds":90}""", 90)]
    public void From_TimeoutSeconds_PositiveOrDefault(string json, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebRequestPlan.From(Web(json)).Timeout);

    [Fact]
    public void From_OAuth2WithTokenUrl_Kept() =>
        Assert.Equal(
            "http://idp/token",
            WebRequestPlan.From(Web("""{"url":"http://m","authentication":{"oauth2":{"tokenUrl":"http://idp/token","clientId":"c","clientSecret":"s"}}}""")).OAuth2!.TokenUrl);

    [Theory]
    [InlineData("""{"url":"http://m","method":"POST","body":"a","jsonBody":{"b":1}}""", "use either Body or JSONBody")]
    [InlineData("""{"url":"http://m","body":"a"}""", "Body/JSONBody can only be used with POST or PUT")]
    [InlineData("""{"url":"http://m","method":"GET","jsonBody":{"b":1}}""", "Body/JSONBody can only be used with POST or PUT")]
    [InlineData("""{"url":"metrics/api"}""", "is not an absolute http(s) URL")]
    [InlineData("""{"url":"ftp://m/x"}""", "is not an absolute http(s) URL")]
    [InlineData("""{"url":"http://m","method":"GE T"}""", "invalid method")]
    [InlineData("""{"url":"http://m","jsonPath":"{.a"}""", "jsonPath \"{.a\" does not parse: unclosed action")]
    [InlineData("""{"url":"http://m","authentication":{"basicAuth":{"username":"u","password":"p"}}}""", "basicAuth is not supported for web metrics")]
    [InlineData("""{"url":"http://m","authentication":{"sigv4":{"region":"eu-west-1"}}}""", "sigv4 is not supported for web metrics")]
    public void From_UnsendableSpec_MetricQueryException(string json, string message)
    {
        var exception = Assert.Throws<MetricQueryException>(() => WebRequestPlan.From(Web(json)));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    private static WebMetric Web(string json) =>
        JsonSerializer.Deserialize("""{"web":""" + json + "}", RolloutsJsonContext.Default.MetricProvider)!.Web!;
}
