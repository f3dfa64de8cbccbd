using System.Globalization;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>The Rollout and AnalysisTemplate the chaos scenarios apply with kubectl, in the shape users write them.</summary>
public static class CanaryManifests
{
    public const string RolloutName = "web-app";

    public const int Replicas = 4;

    /// <summary>Weights, timed pauses and a step analysis; Argo Rollouts' default maxSurge and maxUnavailable (25%).</summary>
    public static string ChaosSteps(string service) => $$"""
        - setWeight: 25
        - pause: {duration: 3s}
        - setWeight: 50
        - analysis:
            templates:
            - templateName: error-rate
            args:
            - name: service
              value: {{service}}
        - pause: {duration: 3s}
        - setWeight: 75
        - pause: {duration: 2s}
        """;

    /// <summary>The index of the analysis step in <see cref="ChaosSteps"/>.</summary>
    public const int AnalysisStepIndex = 3;

    public static string Rollout(string image, string steps, int replicas = Replicas) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: {{RolloutName}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: web-app}
          strategy:
            canary:
              steps:
        {{Indent(steps, 6)}}
          template:
            metadata:
              labels: {app: web-app}
            spec:
              containers:
              - name: web
                image: {{image}}
        """;

    /// <param name="address">The Prometheus the metric queries; null uses the controller's PROMETHEUS_URL.</param>
    /// <param name="count">Measurements the metric takes (Argo: a step analysis ends after count).</param>
    /// <param name="timeoutSeconds">The provider's timeout (prometheus.timeout).</param>
    public static string ErrorRateTemplate(Uri? address, int consecutiveErrorLimit, int count, int? timeoutSeconds = null) => $$$"""
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: error-rate
        spec:
          args:
          - name: service
          metrics:
          - name: error-rate
            initialDelay: 1s
            interval: 2s
            count: {{{count.ToString(CultureInfo.InvariantCulture)}}}
            consecutiveErrorLimit: {{{consecutiveErrorLimit.ToString(CultureInfo.InvariantCulture)}}}
            successCondition: result[0] < 0.05
            failureCondition: result[0] > 0.2
            provider:
              prometheus:
        {{{(address is null ? "" : $"        address: {address}\n")}}}{{{(timeoutSeconds is { } t ? $"        timeout: {t.ToString(CultureInfo.InvariantCulture)}\n" : "")}}}        query: sum(rate(http_requests_total{service="{{args.service}}",version="canary",code="500"}[5s])) / sum(rate(http_requests_total{service="{{args.service}}",version="canary"}[5s]))
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.TrimEnd().Split('\n').Select(line => new string(' ', spaces) + line));
}
