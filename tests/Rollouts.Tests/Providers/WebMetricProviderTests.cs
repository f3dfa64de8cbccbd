using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tollgate.Rollouts.Providers;
using Tollgate.Rollouts.Providers.Web;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Providers;

/// <summary>The web provider against a real Kestrel server on loopback.</summary>
public sealed class WebMetricProviderTests : IAsyncLifetime, IDisposable
{
    private readonly ProviderHttpClients clients = new();
    private readonly ConcurrentQueue<(string Method, string Path, Dictionary<string, string> Headers, string Body)> seen = new();
    private LoopbackServer server = null!;

    public async Task InitializeAsync()
    {
        server = await LoopbackServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                seen.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), await reader.ReadToEndAsync()));
                context.Request.Body.Position = 0;
                await next(context);
            });
            app.MapGet("/status", () => Results.Text("""{"data":{"ok":true,"rate":0.02,"items":[{"name":"a"},{"name":"b"}]}}""", "application/json"));
            app.MapPost("/echo", (HttpContext context) => Results.Text(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["method"] = context.Request.Method,
                ["contentType"] = context.Request.ContentType ?? "",
            }), "application/json"));
            app.MapGet("/slow", (HttpContext context) => Task.Delay(TimeSpan.FromMinutes(5), context.RequestAborted));
            app.MapGet("/fail", () => Results.Text("""{"error":"boom"}""", "application/json", statusCode: 500));
            app.MapGet("/text", () => Results.Text("healthy", "text/plain"));
            app.MapGet("/huge", () => Results.Bytes(Encoding.ASCII.GetBytes("[" + new string('1', 10 * 1024 * 1024) + "]"), "application/json"));
            app.MapGet("/huge-chunked", async (HttpContext context) =>
            {
                context.Response.ContentType = "application/json";
                var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
                for (var written = 0; written < 10 * 1024 * 1024; written += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            });
            app.MapPost("/token", (HttpContext context) => Token(context, acceptHeaderCredentials: true));
            app.MapPost("/token-form-only", (HttpContext context) => Token(context, acceptHeaderCredentials: false));
            app.MapGet("/protected", (HttpContext context) => context.Request.Headers.Authorization == "Bearer token-123"
                ? Results.Text("""{"ok":true}""", "application/json")
                : Results.StatusCode(401));
        });
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => clients.Dispose();

    [Fact]
    public async Task MeasureAsync_JsonObject_SelectedObjectWithSortedText()
    {
        var value = await MeasureAsync($$"""{"url":"{{server.Url("/status")}}","jsonPath":"{$.data}"}""");

        var data = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value.Value);
        Assert.Equal(true, data["ok"]);
        Assert.Equal(2, Assert.IsAssignableFrom<IReadOnlyList<object?>>(data["items"]).Count);
        Assert.Equal("""{"items":[{"name":"a"},{"name":"b"}],"ok":true,"rate":0.02}""", value.Text);
    }

    [Fact]
    public async Task MeasureAsync_DefaultJsonPath_WholeDocument() =>
        Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>((await MeasureAsync($$"""{"url":"{{server.Url("/status")}}"}""")).Value);

    [Fact]
    public async Task MeasureAsync_PostJsonBodyWithHeaders_SentAsArgoSendsThem()
    {
        var value = await MeasureAsync($$"""
            {"url":"{{server.Url("/echo")}}","method":"POST","jsonBody":{"query":"errors","window":5},
             "headers":[{"key":"X-Team","value":"one"},{"key":"X-Team","value":"two"},{"key":"Content-Type","value":"text/plain"}],"jsonPath":"{$.contentType}"}
            """);

        Assert.Equal("application/json", value.Value);
        var request = seen.Single(r => r.Path == "/echo");
        Assert.Equal("two", request.Headers["X-Team"]);
        Assert.Equal("""{"query":"errors","window":5}""", request.Body);
    }

    [Fact]
    public async Task MeasureAsync_ArgumentsInUrlAndHeader_Substituted()
    {
        var providers = new MetricProviders([new WebMetricProvider(clients)]);
        var json = """{"web":{"url":"ADDRESS{{args.path}}","headers":[{"key":"Authorization","value":"Bearer {{args.token}}"}],"jsonPath":"{$.ok}"}}""";
        var provider = JsonSerializer.Deserialize(json.Replace("ADDRESS", server.Address.ToString(), StringComparison.Ordinal), RolloutsJsonContext.Default.MetricProvider)!;

        var value = await providers.MeasureAsync(provider, new Dictionary<string, string?> { ["path"] = "protected", ["token"] = "token-123" }, CancellationToken.None);

        Assert.Equal(true, value.Value);
    }

    [Fact]
    public async Task MeasureAsync_SlowerThanTimeoutSeconds_ErrorNamingTheTimeout()
    {
        var exception = await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"url":"{{server.Url("/slow")}}","timeoutSeconds":1}"""));

        Assert.Equal($"web metric GET {server.Url("/slow")} did not answer within 1s (timeoutSeconds)", exception.Message);
    }

    [Fact]
    public async Task MeasureAsync_ServerError_ErrorWithStatus() =>
        Assert.Equal(
            "received non 2xx response code: 500",
            (await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"url":"{{server.Url("/fail")}}"}"""))).Message);

    [Fact]
    public async Task MeasureAsync_NotJson_BodyIsTheStringResult()
    {
        var value = await MeasureAsync($$"""{"url":"{{server.Url("/text")}}","jsonPath":"{$.status}"}""");

        Assert.Equal(("healthy", "healthy"), ((string)value.Value!, value.Text));
    }

    [Theory]
    [InlineData("/huge")]
    [InlineData("/huge-chunked")]
    public async Task MeasureAsync_TenMegabyteBody_ErrorAtTheReadLimit(string path)
    {
        var exception = await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"url":"{{server.Url(path)}}"}"""));

        Assert.Equal($"the response of web metric {server.Url(path)} is larger than {WebMetricProvider.MaxBodyBytes} bytes, the most Tollgate reads", exception.Message);
    }

    [Theory]
    [InlineData("/token")]
    [InlineData("/token-form-only")]
    public async Task MeasureAsync_OAuth2ClientCredentials_BearerTokenSent(string tokenPath)
    {
        var value = await MeasureAsync($$"""
            {"url":"{{server.Url("/protected")}}","jsonPath":"{$.ok}",
             "authentication":{"oauth2":{"tokenUrl":"{{server.Url(tokenPath)}}","clientId":"rollouts","clientSecret":"s3cret","scopes":["metrics.read","other"]} } }
            """);

        Assert.Equal(true, value.Value);
        var tokenRequest = seen.Last(r => r.Path == tokenPath);
        Assert.Contains("grant_type=client_credentials", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("scope=metrics.read+other", tokenRequest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureAsync_OAuth2WrongSecret_ErrorFromTheTokenEndpoint()
    {
        var exception = await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""
            {"url":"{{server.Url("/protected")}}","authentication":{"oauth2":{"tokenUrl":"{{server.Url("/token")}}","clientId":"rollouts","clientSecret":"wrong"} } }
            """));

        Assert.StartsWith($"oauth2: cannot fetch token from {server.Url("/token")}: 401 Unauthorized", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureAsync_OAuth2WithoutSecret_ErrorBeforeAnyRequest() =>
        Assert.StartsWith(
            "missing mandatory parameter in metric for OAuth2 setup",
            (await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"url":"{{server.Url("/protected")}}","authentication":{"oauth2":{"tokenUrl":"{{server.Url("/token")}}","clientId":"rollouts"} } }"""))).Message,
            StringComparison.Ordinal);

    [Fact]
    public async Task MeasureAsync_Unreachable_ErrorNamingTheUrl()
    {
        var port = Tollgate.Testing.ControlPlane.FreePort.Next();

        var exception = await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"url":"http://127.0.0.1:{{port}}/x"}"""));

        Assert.StartsWith($"web metric GET http://127.0.0.1:{port}/x failed:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureAsync_SelfSignedHttps_OnlyWithInsecure()
    {
        await using var https = await LoopbackServer.StartAsync(app => app.MapGet("/m", () => Results.Text("[1,2]", "application/json")), https: true);

        var insecure = await MeasureAsync($$"""{"url":"{{https.Url("/m")}}","insecure":true}""");
        var verifying = await Assert.ThrowsAsync<MetricQueryException>(() => MeasureAsync($$"""{"url":"{{https.Url("/m")}}"}"""));

        Assert.Equal("[1,2]", insecure.Text);
        Assert.Contains("SSL", verifying.Message, StringComparison.Ordinal);
    }

    private static IResult Token(HttpContext context, bool acceptHeaderCredentials)
    {
        var form = context.Request.HasFormContentType ? context.Request.ReadFormAsync().GetAwaiter().GetResult() : null;
        var header = context.Request.Headers.Authorization.ToString();
        var viaHeader = acceptHeaderCredentials && header == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("rollouts:s3cret"));
        var viaForm = form is not null && form["client_id"].ToString() == "rollouts" && form["client_secret"].ToString() == "s3cret";
        return viaHeader || viaForm
            ? Results.Text("""{"access_token":"token-123","token_type":"bearer","expires_in":3600}""", "application/json")
            : Results.Text("""{"error":"invalid_client"}""", "application/json", statusCode: 401);
    }

    private Task<MetricValue> MeasureAsync(string web) =>
        new WebMetricProvider(clients).MeasureAsync(
            JsonSerializer.Deserialize("""{"web":""" + web + "}", RolloutsJsonContext.Default.MetricProvider)!,
            CancellationToken.None);
}
