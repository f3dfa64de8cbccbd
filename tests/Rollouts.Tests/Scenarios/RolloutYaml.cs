namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>Manifests the scenarios apply with kubectl, in the shape users write them.</summary>
internal static class RolloutYaml
{
    public static string Rollout(string image, string steps, int replicas = 4, (string Key, string Value)? label = null) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web-app
        {{(label is { } l ? $"  labels:\n    {l.Key}: {l.Value}\n" : "")}}spec:
          replicas: {{replicas}}
          strategy:
            canary:
              steps:
        {{Indent(steps, 6)}}
          template:
            spec:
              containers:
              - name: web
                image: {{image}}
        """;

    public static string AnalysisStep(string service) => $$"""
        - analysis:
            templates:
            - templateName: error-rate
            args:
            - name: service
              value: {{service}}
        """;

    public static string AnalysisStepFromField(string fieldPath) => $$"""
        - analysis:
            templates:
            - templateName: error-rate
            args:
            - name: service
              valueFrom:
                fieldRef:
                  fieldPath: {{fieldPath}}
        """;

    /// <param name="address">Prometheus address; null uses the controller's PROMETHEUS_URL.</param>
    public static string ErrorRateTemplate(string? address = null, int consecutiveErrorLimit = 4) => $$$"""
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: error-rate
        spec:
          args:
          - name: service
          metrics:
          - name: error-rate
            initialDelay: 2s
            interval: 2s
            count: 2
            consecutiveErrorLimit: {{{consecutiveErrorLimit}}}
            successCondition: result[0] < 0.05
            failureCondition: result[0] > 0.2
            provider:
              prometheus:
        {{{(address is null ? "" : $"        address: {address}\n")}}}        query: sum(rate(http_requests_total{service="{{args.service}}",version="canary",code="500"}[5s])) / sum(rate(http_requests_total{service="{{args.service}}",version="canary"}[5s]))
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => new string(' ', spaces) + line));
}
