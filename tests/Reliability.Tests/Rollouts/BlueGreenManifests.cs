namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>The blue-green Rollout of the kill-anywhere run, with its two Services, in the shape users write them.</summary>
public static class BlueGreenManifests
{
    public const string ActiveService = "web-active";

    public const string PreviewService = "web-preview";

    public const int Replicas = 4;

    /// <param name="image">The pod template's image.</param>
    /// <param name="service">The analysis's service argument (the namespace, as the scrape target knows it).</param>
    /// <param name="replicas">spec.replicas.</param>
    public static string Rollout(string image, string service, int replicas) => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ActiveService}}
        spec:
          selector: {app: web-app}
          ports:
          - port: 80
            targetPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {{PreviewService}}
        spec:
          selector: {app: web-app}
          ports:
          - port: 80
            targetPort: 8080
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: {{CanaryManifests.RolloutName}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: web-app}
          strategy:
            blueGreen:
              activeService: {{ActiveService}}
              previewService: {{PreviewService}}
              previewReplicaCount: 2
              autoPromotionSeconds: 4
              scaleDownDelaySeconds: 5
              prePromotionAnalysis:
                templates:
                - templateName: error-rate
                args:
                - name: service
                  value: {{service}}
          template:
            metadata:
              labels: {app: web-app}
            spec:
              containers:
              - name: web
                image: {{image}}
        """;
}
