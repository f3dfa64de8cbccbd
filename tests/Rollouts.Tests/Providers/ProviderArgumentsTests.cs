using System.Text.Json;
using Tollgate.Rollouts.Providers;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class ProviderArgumentsTests
{
    [Fact]
    public void Substitute_EveryStringField_Replaced()
    {
        var provider = Provider("""
            {"web":{"url":"http://{{args.host}}/q","method":"POST","headers":[{"key":"Authorization","value":"Bearer {{ args.token }}"}],
             "jsonBody":{"service":"{{args.host}}","n":[1]},"jsonPath":"{$.{{args.field}}}",
             "authentication":{"oauth2":{"tokenUrl":"http://idp/token","clientId":"c","clientSecret":"{{args.token}}","scopes":["{{args.field}}"]}}}}
            """);

        var web = ProviderArguments.Substitute(provider, Arguments(("host", "svc"), ("token", "s3cr\"et\n"), ("field", "ok"))).Web!;

        Assert.Equal("http://svc/q", web.Url);
        Assert.Equal("Bearer s3cr\"et\n", web.Headers![0].Value);
        Assert.Equal("""{"service":"svc","n":[1]}""", web.JsonBody!.Value.GetRawText());
        Assert.Equal("{$.ok}", web.JsonPath);
        Assert.Equal("s3cr\"et\n", web.Authentication!.OAuth2!.ClientSecret);
        Assert.Equal(["ok"], web.Authentication.OAuth2.Scopes!);
    }

    [Fact]
    public void Substitute_RangeQuery_Replaced()
    {
        var prometheus = ProviderArguments.Substitute(
            Provider("""{"prometheus":{"query":"up{job=\"{{args.job}}\"}","rangeQuery":{"start":"now() - duration(\"{{args.lookback}}\")","end":"now()","step":"{{args.step}}"}}}"""),
            Arguments(("job", "api"), ("lookback", "10m"), ("step", "1m"))).Prometheus!;

        Assert.Equal("up{job=\"api\"}", prometheus.Query);
        Assert.Equal("now() - duration(\"10m\")", prometheus.RangeQuery!.Start);
        Assert.Equal("1m", prometheus.RangeQuery.Step);
    }

    [Fact]
    public void Substitute_MissingArgument_FormatException() =>
        Assert.Contains(
            "argument \"nope\" has no value",
            Assert.Throws<FormatException>(() => ProviderArguments.Substitute(Provider("""{"web":{"url":"http://{{args.nope}}"}}"""), Arguments())).Message,
            StringComparison.Ordinal);

    private static MetricProvider Provider(string json) => JsonSerializer.Deserialize(json, RolloutsJsonContext.Default.MetricProvider)!;

    private static Dictionary<string, string?> Arguments(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => (string?)p.Value, StringComparer.Ordinal);
}
