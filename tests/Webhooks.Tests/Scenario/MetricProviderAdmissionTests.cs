using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>AnalysisTemplate providers at admission, applied with the real kubectl through the real webhook.</summary>
public sealed class MetricProviderAdmissionTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    [Fact]
    public async Task KubectlApply_Sigv4AndUnsupportedProvider_RefusedByName()
    {
        var applied = await ApplyAsync(Users.Platform, $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata:
              name: amp
              namespace: {{Production}}
            spec:
              metrics:
              - name: amp-errors
                provider:
                  prometheus:
                    address: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
                    query: sum(up)
                    authentication:
                      sigv4:
                        region: eu-west-1
              - name: dd-errors
                provider:
                  datadog:
                    query: avg:errors{*}
            """);

        Assert.False(applied.Succeeded, applied.ToString());
        Assert.Contains("spec.metrics[0].provider.prometheus.authentication.sigv4 is not supported by Tollgate", applied.Stderr, StringComparison.Ordinal);
        Assert.Contains("spec.metrics[1].provider.datadog is not supported by Tollgate; supported providers: prometheus, web", applied.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlApply_WebAndPrometheusOptions_Accepted()
    {
        var applied = await ApplyAsync(Users.Platform, $$$"""
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata:
              name: options
              namespace: {{{Production}}}
            spec:
              args:
              - name: token
                valueFrom:
                  secretKeyRef: {name: metrics-api, key: token}
              metrics:
              - name: health
                successCondition: result == true
                provider:
                  web:
                    url: http://health.{{{Production}}}.svc/status
                    method: POST
                    jsonBody: {service: checkout, window: 5m}
                    headers:
                    - {key: Authorization, value: "Bearer {{args.token}}"}
                    timeoutSeconds: 5
                    jsonPath: "{$.data.healthy}"
              - name: errors
                successCondition: len(result) > 0 && all(result, {# < 0.05})
                provider:
                  prometheus:
                    address: https://prometheus.example
                    query: sum(rate(errors[1m]))
                    timeout: 10
                    insecure: true
                    headers:
                    - {key: X-Scope-OrgID, value: team-a}
                    authentication:
                      oauth2: {tokenUrl: "https://idp.example/token", clientId: rollouts, clientSecret: "{{args.token}}", scopes: [metrics]}
                    rangeQuery: {start: 'now() - duration("10m")', end: now(), step: 1m}
            """, "--dry-run=server", "-o", "yaml");

        Assert.True(applied.Succeeded, applied.ToString());
        Assert.Contains("tokenUrl: https://idp.example/token", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("window: 5m", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("step: 1m", applied.Stdout, StringComparison.Ordinal);
    }
}
