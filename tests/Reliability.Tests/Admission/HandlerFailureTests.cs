using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Admission;

namespace Tollgate.Reliability.Tests.Admission;

/// <summary>
/// The admission server's own error paths, on a real Kestrel server on loopback with the shared admission pipeline: a
/// handler that throws is a well-formed fail-closed denial, and neither that path nor a refusal throws when logging does.
/// </summary>
public sealed class HandlerFailureTests : IAsyncLifetime
{
    private const string Review = """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u-1",
         "kind":{"group":"","version":"v1","kind":"ConfigMap"},"resource":{"group":"","version":"v1","resource":"configmaps"},
         "name":"c","namespace":"n","operation":"CREATE","userInfo":{"username":"a"},"object":{"metadata":{"name":"c"}}}}
        """;

    private WebApplication app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders().AddProvider(new ThrowingLoggerProvider("Tollgate.Shared.Admission.AdmissionRequestProcessor"));
        builder.Services.AddAdmissionWebhooks().AddWebhook<ThrowingWebhook>();
        app = builder.Build();
        app.MapAdmissionWebhooks();
        await app.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Post_HandlerThrowsAndLoggingThrows_WellFormedDenialWithCode500()
    {
        using var response = await http.PostAsync(new Uri("/validate/throwing", UriKind.Relative), new StringContent(Review, Encoding.UTF8, "application/json"));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = answer.RootElement.GetProperty("response");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("u-1", body.GetProperty("uid").GetString());
        Assert.False(body.GetProperty("allowed").GetBoolean());
        Assert.Equal(500, body.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("webhook throwing failed: NullReferenceException: the handler's bug", body.GetProperty("status").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("\"resource\":{\"group\":\"\"", "\"resource\":{\"group\":null")]
    [InlineData("\"name\":\"c\",\"namespace\"", "\"name\":\"c\u0000\\ud800\",\"namespace\"")]
    [InlineData("\"uid\":\"u-1\"", "\"uid\":5")]
    public async Task Post_MalformedReviewAndLoggingThrows_400WithMessage(string field, string broken)
    {
        using var response = await http.PostAsync(
            new Uri("/validate/throwing", UriKind.Relative), new StringContent(Review.Replace(field, broken, StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }
}
