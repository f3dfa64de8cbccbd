using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>The server's HTTPS surface: malformed input, well-formed answers, metrics and probes.</summary>
public sealed class ServerEndpointTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    [Fact]
    public async Task PostMalformedReview_Guard_400WithMessage()
    {
        using var http = TrustingClient();

        using var response = await http.PostAsync(new Uri(Webhooks.BaseAddress, "/validate/guard"), new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the body is not a valid AdmissionReview", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostScaleReview_Guard_WellFormedDenialEchoingUid()
    {
        using var http = TrustingClient();
        var review = $$$"""
            {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{
              "uid":"a1b2c3","kind":{"group":"autoscaling","version":"v1","kind":"Scale"},
              "resource":{"group":"apps","version":"v1","resource":"deployments"},"subResource":"scale",
              "name":"web-app","namespace":"{{{Production}}}","operation":"UPDATE",
              "userInfo":{"username":"dev-user","groups":["dev-team"]},
              "object":{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web-app"},"spec":{"replicas":10}}
              }
            }
            """;

        using var response = await http.PostAsync(new Uri(Webhooks.BaseAddress, "/validate/guard"), new StringContent(review, Encoding.UTF8, "application/json"));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = answer.RootElement.GetProperty("response");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a1b2c3", body.GetProperty("uid").GetString());
        Assert.False(body.GetProperty("allowed").GetBoolean());
        Assert.Equal(403, body.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Contains("Change it in Git", body.GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);

        var metrics = await http.GetStringAsync(new Uri(Webhooks.BaseAddress, "/metrics"));
        Assert.Contains("tollgate_admission_requests_total{decision=\"deny\",operation=\"UPDATE\",reason=\"drift\",webhook=\"guard\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("tollgate_admission_decision_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Equal("ok", await http.GetStringAsync(new Uri(Webhooks.BaseAddress, "/readyz")));
        Assert.Equal("ok", await http.GetStringAsync(new Uri(Webhooks.BaseAddress, "/healthz")));
    }

    [Fact]
    public async Task DiscoverScope_RolloutCrdsInstalled_WatchesRollouts()
    {
        var scope = await Tollgate.Webhooks.Hosting.WebhookHost.DiscoverScopeAsync(WebhooksIdentity.Configuration, Timeout());

        Assert.True(scope.Rollouts);
    }

    [Fact]
    public async Task LoadSettings_ConfigMap_ReadsSettingsYamlKey()
    {
        await ApplyAsAdminAsync($$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: tollgate-settings
              namespace: {{ArgoCd}}
            data:
              settings.yaml: |
                argocdNamespace: {{ArgoCd}}
                breakGlassGroup: oncall
            """);

        var settings = await Tollgate.Webhooks.Hosting.WebhookHost.LoadSettingsAsync(WebhooksIdentity.Configuration, $"{ArgoCd}/tollgate-settings", Timeout());

        Assert.Equal((ArgoCd, "oncall"), (settings.ArgoCdNamespace, settings.BreakGlassGroup));
    }

    private HttpClient TrustingClient()
    {
        var authority = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Webhooks.CaBundle));
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(authority);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return certificate is X509Certificate2 served && chain.Build(served);
                },
            },
        };
        return new HttpClient(handler, disposeHandler: true);
    }
}
