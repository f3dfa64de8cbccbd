using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Testing;

namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>
/// A canary gated by a web metric (a real Kestrel endpoint demanding a bearer token the template reads from a Secret)
/// and a Prometheus range query (the real Prometheus), on the real control plane.
/// </summary>
[Collection(SecondPlaneCollection.Name)]
public sealed class AnalysisProvidersTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    private const string Token = "canary-token-7";
    private LoopbackServer health = null!;
    private volatile bool healthy = true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        health = await LoopbackServer.StartAsync(app => app.MapGet("/health", (HttpContext context) =>
            context.Request.Headers.Authorization.ToString() == $"Bearer {Token}"
                ? Results.Text($$"""{"data":{"healthy":{{(healthy ? "true" : "false")}},"checks":[1,1,1],"tags":["canary","eu"]} }""", "application/json")
                : Results.StatusCode(401)));
    }

    public override async Task DisposeAsync()
    {
        await health.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task AnalysisStep_WebMetricAndRangeQueryPass_PromotesToNewStable()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0);
        await ApplyAsync(SecretAndTemplate());
        var steps = Steps();
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", steps));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);

        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", steps));

        var done = await WaitForRolloutAsync("web-app", "healthy on v2", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != first.Status!.StableRS, seconds: 180);
        var run = await Client.GetAsync<AnalysisRun>($"web-app-{done.Status!.StableRS}-1", Namespace);
        Assert.Equal("Successful", run!.Status!.Phase);
        var web = run.Status.MetricResults!.Single(r => r.Name == "health-check");
        Assert.All(web.Measurements!, m =>
        {
            Assert.Equal("Successful", m.Phase);
            Assert.Contains("\"healthy\":true", m.Value, StringComparison.Ordinal);
        });
        var range = run.Status.MetricResults!.Single(r => r.Name == "errors-over-time");
        Assert.All(range.Measurements!, m => Assert.Equal("Successful", m.Phase));
        Assert.StartsWith("[0,0,", range.Measurements![^1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisStep_WebMetricFails_AbortsWithMetricConditionAndValue()
    {
        Prometheus.Endpoint.SetErrorRate(Namespace, 0);
        await ApplyAsync(SecretAndTemplate());
        var steps = Steps();
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", steps));
        var first = await WaitForRolloutAsync("web-app", "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4);
        healthy = false;

        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", steps));

        var aborted = await WaitForRolloutAsync("web-app", "aborted", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true, seconds: 180);
        Assert.Contains("health-check", aborted.Status!.Message, StringComparison.Ordinal);
        Assert.Contains("result.healthy ?", aborted.Status.Message, StringComparison.Ordinal);
        Assert.Contains("\"healthy\":false", aborted.Status.Message, StringComparison.Ordinal);
        Assert.Equal(first.Status!.StableRS, aborted.Status.StableRS);
    }

    private static string Steps() => """
        - setWeight: 50
        - analysis:
            templates:
            - templateName: canary-health
        - setWeight: 100
        """;

    private string SecretAndTemplate() => $$$"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: health-api
        type: Opaque
        data:
          token: {{{Convert.ToBase64String(Encoding.UTF8.GetBytes(Token))}}}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: canary-health
        spec:
          args:
          - name: service
            value: {{{Namespace}}}
          - name: api-token
            valueFrom:
              secretKeyRef:
                name: health-api
                key: token
          metrics:
          - name: health-check
            interval: 2s
            count: 2
            failureLimit: 0
            # member access on the web result, a ternary, max() and in, as Argo users write them
            successCondition: "result.healthy ? max(result.checks) >= 1 && 'canary' in result.tags : false"
            provider:
              web:
                url: {{{health.Url("/health")}}}
                timeoutSeconds: 5
                headers:
                - key: Authorization
                  value: "Bearer {{api-token}}"
                jsonPath: "{$.data}"
          - name: errors-over-time
            initialDelay: 2s
            successCondition: len(result) > 0 && max(result) < 0.05
            provider:
              prometheus:
                query: sum(http_requests_total{service="{{args.service}}",code="500"}) or vector(0)
                rangeQuery:
                  start: now() - duration("30s")
                  end: now()
                  step: 5s
        """.Replace("{{api-token}}", "{{args.api-token}}", StringComparison.Ordinal);
}
