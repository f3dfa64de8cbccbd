using System.Text.Json;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.Validation;

namespace Tollgate.Shared.Tests.Entities.Rollouts.Validation;

public sealed class MetricProviderValidatorTests
{
    [Theory]
    [InlineData("""{"prometheus":{"address":"http://p:9090","query":"up"}}""")]
    [InlineData("""{"prometheus":{"query":"up","timeout":5,"insecure":true,"headers":[{"key":"X-Scope-OrgID","value":"a"}]}}""")]
    [InlineData("""{"prometheus":{"query":"up","rangeQuery":{"start":"now() - duration(\"{{args.lookback}}\")","end":"now()","step":"1m"}}}""")]
    [InlineData("""{"prometheus":{"query":"up","authentication":{"oauth2":{"tokenUrl":"https://idp/token","clientId":"c","clientSecret":"{{args.secret}}"}}}}""")]
    [InlineData("""{"prometheus":{"query":"up","authentication":{"basicAuth":{"username":"u","password":"{{args.password}}"}}}}""")]
    [InlineData("""{"prometheus":{"query":"up","authentication":{"sigv4":{}}}}""")]
    [InlineData("""{"web":{"url":"http://svc/health","jsonPath":"{$.ok}"}}""")]
    [InlineData("""{"web":{"url":"{{args.url}}","method":"POST","jsonBody":{"q":1},"headers":[{"key":"Authorization","value":"Bearer {{args.token}}"}]}}""")]
    [InlineData("""{"web":{"url":"https://svc","method":"PUT","body":"x","authentication":{"oauth2":{"tokenUrl":"https://idp/token","clientId":"c","clientSecret":"s","scopes":["a"]}}}}""")]
    public void Check_SupportedProvider_NoErrors(string provider) => Assert.Empty(Errors(provider));

    [Theory]
    [InlineData("""{}""", "spec.metrics[0].provider: no provider specified; Tollgate supports prometheus, web")]
    [InlineData("""{"job":{"spec":{}}}""", "spec.metrics[0].provider.job is not supported by Tollgate; supported providers: prometheus, web")]
    [InlineData("""{"datadog":{"query":"q"}}""", "spec.metrics[0].provider.datadog is not supported by Tollgate; supported providers: prometheus, web")]
    [InlineData("""{"plugin":{"argoproj-labs/sample":{}}}""", "spec.metrics[0].provider.plugin is not supported by Tollgate")]
    [InlineData("""{"newprovider":{"x":1}}""", "spec.metrics[0].provider.newprovider is not supported by Tollgate")]
    [InlineData("""{"prometheus":{"query":"up"},"web":{"url":"http://w"}}""", "multiple providers specified (prometheus, web)")]
    [InlineData("""{"prometheus":{"address":"p:9090","query":"up"}}""", "spec.metrics[0].provider.prometheus.address 'p:9090' is not an http(s) URL")]
    [InlineData("""{"prometheus":{"address":"http://p"}}""", "spec.metrics[0].provider.prometheus.query is required")]
    [InlineData("""{"prometheus":{"query":"up","timeout":-1}}""", "prometheus.timeout must not be negative, not -1")]
    [InlineData("""{"prometheus":{"query":"up","authentication":{"sigv4":{"region":"eu-west-1","roleArn":"arn:aws:iam::1:role/r"}}}}""", "prometheus.authentication.sigv4 is not supported by Tollgate")]
    [InlineData("""{"prometheus":{"query":"up","authentication":{"basicAuth":{"username":"u"}}}}""", "basicAuth.password is required")]
    [InlineData("""{"prometheus":{"query":"up","authentication":{"oauth2":{"tokenUrl":"https://idp/token","clientId":"c"}}}}""", "oauth2.clientSecret is required")]
    [InlineData("""{"prometheus":{"query":"up","authentication":{"oauth2":{"clientId":"c","clientSecret":"s"}}}}""", "oauth2.tokenUrl is required")]
    [InlineData("""{"prometheus":{"query":"up","rangeQuery":{"start":"now()","end":"now()"}}}""", "rangeQuery.step is required")]
    [InlineData("""{"prometheus":{"query":"up","rangeQuery":{"start":"now()","end":"now()","step":"often"}}}""", "rangeQuery.step 'often' is not a duration")]
    [InlineData("""{"prometheus":{"query":"up","rangeQuery":{"end":"now()","step":"1m"}}}""", "rangeQuery.start is required")]
    [InlineData("""{"web":{"url":""}}""", "spec.metrics[0].provider.web.url is required")]
    [InlineData("""{"web":{"url":"svc/health"}}""", "web.url 'svc/health' is not an http(s) URL")]
    [InlineData("""{"web":{"url":"http://w","method":"POST","body":"a","jsonBody":{"b":1}}}""", "use either body or jsonBody, not both")]
    [InlineData("""{"web":{"url":"http://w","body":"a"}}""", "body and jsonBody need method POST or PUT")]
    [InlineData("""{"web":{"url":"http://w","authentication":{"basicAuth":{"username":"u","password":"p"}}}}""", "web.authentication.basicAuth is not supported for web metrics")]
    [InlineData("""{"web":{"url":"http://w","authentication":{"sigv4":{"region":"r"}}}}""", "web.authentication.sigv4 is not supported for web metrics")]
    public void Check_Refused_ClearMessage(string provider, string message) =>
        Assert.Contains(Errors(provider), e => e.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void ValidateTemplate_UnsupportedProvider_Refused()
    {
        var spec = JsonSerializer.Deserialize("""{"metrics":[{"name":"m","provider":{"kayenta":{"address":"http://k"}}}]}""", RolloutsJsonContext.Default.AnalysisTemplateSpec)!;

        Assert.Contains("spec.metrics[0].provider.kayenta is not supported by Tollgate; supported providers: prometheus, web", AnalysisTemplateValidator.Validate(spec).Errors);
    }

    private static List<string> Errors(string provider)
    {
        List<string> errors = [];
        MetricProviderValidator.Check(JsonSerializer.Deserialize(provider, RolloutsJsonContext.Default.MetricProvider)!, "spec.metrics[0].provider", errors);
        return errors;
    }
}
