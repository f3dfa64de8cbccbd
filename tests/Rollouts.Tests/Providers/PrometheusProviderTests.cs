using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tollgate.Rollouts.Providers;
using Tollgate.Rollouts.Providers.Prometheus;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Providers;

/// <summary>
/// The Prometheus provider against a real Prometheus, directly and behind a real Kestrel reverse proxy that demands a
/// header, a bearer token from a real token endpoint, or basic credentials.
/// </summary>
public sealed class PrometheusProviderTests(PrometheusFixture prometheus) : IClassFixture<PrometheusFixture>, IAsyncLifetime, IDisposable
{
    private readonly ProviderHttpClients clients = new();
    private readonly HttpClient upstream = new();
    private LoopbackServer proxy = null!;

    public async Task InitializeAsync()
    {
        proxy = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/token", async Task<IResult> (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("rollouts:s3cret"));
                return context.Request.Headers.Authorization.ToString() == basic && form["grant_type"].ToString() == "client_credentials"
                    ? Results.Text("""{"access_token":"prom-token","token_type":"Bearer"}""", "application/json")
                    : Results.StatusCode(401);
            });
            app.Map("/tenant/{**rest}", (HttpContext context) => ForwardIf(context, context.Request.Headers["X-Scope-OrgID"].ToString() == "team-a", "/tenant"));
            app.Map("/bearer/{**rest}", (HttpContext context) => ForwardIf(context, context.Request.Headers.Authorization.ToString() == "Bearer prom-token", "/bearer"));
            app.Map("/basic/{**rest}", (HttpContext context) =>
                ForwardIf(context, context.Request.Headers.Authorization.ToString() == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p")), "/basic"));
            app.Map("/get-only/{**rest}", (HttpContext context) =>
                ForwardIf(context, context.Request.Method == "GET", "/get-only", refusal: 405));
            app.Map("/slow/{**rest}", (HttpContext context) => Task.Delay(TimeSpan.FromMinutes(5), context.RequestAborted));
            app.Map("/broken/{**rest}", () => Results.Text("upstream down", "text/plain", statusCode: 502));
            app.Map("/huge-vector/{**rest}", () => Results.Text(HugeVector(100_000), "application/json"));
        });
    }

    public async Task DisposeAsync() => await proxy.DisposeAsync();

    public void Dispose()
    {
        clients.Dispose();
        upstream.Dispose();
    }

    [Fact]
    public async Task MeasureAsync_Scalar_Float()
    {
        var value = await MeasureAsync($$"""{"address":"{{prometheus.Address}}","query":"scalar(vector(0.5))"}""");

        Assert.Equal((0.5, "0.5"), ((double)value.Value!, value.Text));
    }

    [Fact]
    public async Task MeasureAsync_Vector_FloatsInPrometheusOrder()
    {
        const string query = """sort_desc(label_replace(vector(1), "s", "a", "", "") or label_replace(vector(3), "s", "b", "", "") or label_replace(vector(0.0000001), "s", "c", "", ""))""";

        var value = await MeasureAsync($$"""{"address":"{{prometheus.Address}}","query":{{JsonSerializer.Serialize(query)}}}""");

        Assert.Equal(new[] { 3, 1, 0.0000001 }, (double[])value.Value!);
        Assert.Equal("[3,1,0.0000001]", value.Text);
    }

    [Fact]
    public async Task MeasureAsync_RangeQuery_EverySampleOfTheRange()
    {
        var value = await MeasureAsync($$"""
            {"address":"{{prometheus.Address}}","query":"vector(2)","rangeQuery":{"start":"now() - duration(\"2m\")","end":"now()","step":"30s"} }
            """);

        Assert.Equal(Enumerable.Repeat(2.0, 5), (double[])value.Value!);
        Assert.Equal("[2,2,2,2,2]", value.Text);
    }

    [Fact]
    public async Task MeasureAsync_BadQuery_ErrorFromPrometheus() =>
        Assert.StartsWith(
            "prometheus query failed: bad_data:",
            (await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"address":"{{prometheus.Address}}","query":"sum(("}"""))).Message,
            StringComparison.Ordinal);

    [Fact]
    public async Task MeasureAsync_HeaderDemandingProxy_PassesOnlyWithTheHeader()
    {
        var withHeader = await MeasureAsync($$"""{"address":"{{proxy.Url("/tenant")}}","query":"vector(1)","headers":[{"key":"X-Scope-OrgID","value":"team-a"}]}""");
        var without = await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"address":"{{proxy.Url("/tenant")}}","query":"vector(1)"}"""));

        Assert.Equal("[1]", withHeader.Text);
        Assert.Equal($"prometheus at {proxy.Url("/tenant")} answered client_error: client error: 401", without.Message);
    }

    [Fact]
    public async Task MeasureAsync_OAuth2_BearerTokenFromTheTokenEndpoint()
    {
        var value = await MeasureAsync($$"""
            {"address":"{{proxy.Url("/bearer")}}","query":"vector(4)",
             "authentication":{"oauth2":{"tokenUrl":"{{proxy.Url("/token")}}","clientId":"rollouts","clientSecret":"s3cret"} } }
            """);

        Assert.Equal("[4]", value.Text);
    }

    [Fact]
    public async Task MeasureAsync_BearerHeader_Passes() =>
        Assert.Equal(
            "[5]",
            (await MeasureAsync($$"""{"address":"{{proxy.Url("/bearer")}}","query":"vector(5)","headers":[{"key":"Authorization","value":"Bearer prom-token"}]}""")).Text);

    [Fact]
    public async Task MeasureAsync_BasicAuth_Passes() =>
        Assert.Equal(
            "[6]",
            (await MeasureAsync($$"""{"address":"{{proxy.Url("/basic")}}","query":"vector(6)","authentication":{"basicAuth":{"username":"u","password":"p"} } }""")).Text);

    [Fact]
    public async Task MeasureAsync_PostRefused_RetriedAsGet() =>
        Assert.Equal("[7]", (await MeasureAsync($$"""{"address":"{{proxy.Url("/get-only")}}","query":"vector(7)"}""")).Text);

    [Fact]
    public async Task MeasureAsync_SlowerThanTimeout_ErrorNamingTheTimeout() =>
        Assert.Equal(
            $"prometheus at {proxy.Url("/slow")} did not answer within 1s",
            (await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"address":"{{proxy.Url("/slow")}}","query":"vector(1)","timeout":1}"""))).Message);

    [Fact]
    public async Task MeasureAsync_BadGateway_ServerError() =>
        Assert.Equal(
            $"prometheus at {proxy.Url("/broken")} answered server_error: server error: 502",
            (await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"address":"{{proxy.Url("/broken")}}","query":"vector(1)"}"""))).Message);

    [Fact]
    public async Task MeasureAsync_SelfSignedHttpsProxy_OnlyWithInsecure()
    {
        await using var https = await LoopbackServer.StartAsync(app => app.Map("/{**rest}", (HttpContext context) => ForwardIf(context, true, "")), https: true);

        var insecure = await MeasureAsync($$"""{"address":"{{https.Address}}","query":"vector(8)","insecure":true}""");
        var verifying = await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"address":"{{https.Address}}","query":"vector(8)"}"""));

        Assert.Equal("[8]", insecure.Text);
        Assert.Contains("SSL", verifying.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureAsync_HundredThousandSamples_AllPassedOnValueShortened()
    {
        var providers = new MetricProviders([new PrometheusProvider(clients, TimeProvider.System)]);
        var provider = JsonSerializer.Deserialize($$"""{"prometheus":{"address":"{{proxy.Url("/huge-vector")}}","query":"up"} }""", RolloutsJsonContext.Default.MetricProvider)!;

        var value = await providers.MeasureAsync(provider, new Dictionary<string, string?>(), CancellationToken.None);

        var samples = (double[])value.Value!;
        Assert.Equal(100_000, samples.Length);
        Assert.Equal((0.0, 99_999 * 0.5), (samples[0], samples[^1]));
        Assert.StartsWith("[0,0.5,1,1.5,", value.Text, StringComparison.Ordinal);
        Assert.EndsWith(" characters, shortened)", value.Text, StringComparison.Ordinal);
    }

    private static string HugeVector(int samples)
    {
        var body = new StringBuilder("""{"status":"success","data":{"resultType":"vector","result":[""");
        for (var index = 0; index < samples; index++)
        {
            body.Append(index == 0 ? "" : ",").Append($$"""{"metric":{"pod":"p{{index}}"},"value":[1700000000,"{{(index * 0.5).ToString(CultureInfo.InvariantCulture)}}"]}""");
        }

        return body.Append("]}}").ToString();
    }

    private async Task ForwardIf(HttpContext context, bool allowed, string prefix, int refusal = 401)
    {
        if (!allowed)
        {
            context.Response.StatusCode = refusal;
            return;
        }

        var path = context.Request.Path.Value![prefix.Length..];
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(prometheus.Address, path + context.Request.QueryString));
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            request.Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())));
        }

        using var response = await upstream.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(await response.Content.ReadAsStringAsync(context.RequestAborted), context.RequestAborted);
    }

    private Task<MetricValue> MeasureAsync(string prometheusJson) =>
        new PrometheusProvider(clients, TimeProvider.System).MeasureAsync(
            JsonSerializer.Deserialize("""{"prometheus":""" + prometheusJson + "}", RolloutsJsonContext.Default.MetricProvider)!,
            CancellationToken.None);
}
