using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>Decisions 5 and 6: kubectl-argo-rollouts operations on a tracked Rollout, and Rollout/AnalysisTemplate validation.</summary>
public sealed class RolloutTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    /// <summary>The user's seed rollout.yaml, byte for byte.</summary>
    private const string SeedRollout = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web-app
        spec:
          replicas: 10
          strategy:
            canary:
              steps:
              - setWeight: 10
              - pause: {duration: 5m}
              - setWeight: 30
              - pause: {duration: 5m}
              - setWeight: 50
              - pause: {duration: 5m}
              - setWeight: 100
          template:
            spec:
              containers:
              - name: web
                image: myapp:v2.0
        """;

    protected override Task ConfigureAsync(CancellationToken cancellationToken) =>
        ApplyAsAdminAsync($$"""
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: checkout
              namespace: {{Production}}
              annotations:
                argocd.argoproj.io/tracking-id: web-app:argoproj.io/Rollout:{{Production}}/checkout
            spec:
              replicas: 10
              paused: true
              selector:
                matchLabels:
                  app: web-rollout
              strategy:
                canary:
                  steps:
                  - setWeight: 10
                  - pause: {duration: 5m}
                  - setWeight: 30
                  - pause: {duration: 5m}
                  - setWeight: 50
                  - pause: {duration: 5m}
                  - setWeight: 100
              template:
                metadata:
                  labels:
                    app: web-rollout
                spec:
                  containers:
                  - name: web
                    image: myapp:v2.0
            """);

    [Fact]
    public async Task PluginPromote_DevTeamWithPromoteAction_AllowedButRestartAndSpecEditDenied()
    {
        var cancellationToken = Timeout();

        var restart = await KubectlAsync(Users.Developer, "patch", "rollout", "checkout", "-n", Production, "--type", "merge", "-p", "{\"spec\":{\"restartAt\":\"2030-01-01T00:00:00Z\"}}");
        var edit = await KubectlAsync(Users.Developer, "patch", "rollout", "checkout", "-n", Production, "--type", "merge", "-p", "{\"spec\":{\"replicas\":20}}");
        var promote = await KubectlAsync(Users.Developer, "patch", "rollout", "checkout", "-n", Production, "--type", "merge", "-p", "{\"spec\":{\"paused\":false}}");

        Assert.False(restart.Succeeded, restart.ToString());
        Assert.Contains("the Rollout operation restart is not granted", restart.Stderr, StringComparison.Ordinal);
        Assert.False(edit.Succeeded, edit.ToString());
        Assert.Contains("Change it in Git", edit.Stderr, StringComparison.Ordinal);
        Assert.True(promote.Succeeded, promote.ToString());
        var scaled = await KubectlAsync(Users.Developer, "scale", "rollout", "checkout", "--replicas=3", "-n", Production);
        Assert.False(scaled.Succeeded, scaled.ToString());
        Assert.Contains($"Rollout.argoproj.io {Production}/checkout is managed by Argo CD Application web-app", scaled.Stderr, StringComparison.Ordinal);
        var stored = await Client.GetAsync<Rollout>("checkout", Production, cancellationToken);
        Assert.False(stored!.Spec.Paused ?? false);
        Assert.Equal(10, stored.Spec.Replicas);
    }

    [Fact]
    public async Task KubectlApply_InvalidRolloutAndTemplates_DeniedWithReasonsAndMissingTemplateWarned()
    {
        var badWeight = await ApplyAsync(Users.Platform, $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: heavy
              namespace: {{Production}}
            spec:
              selector:
                matchLabels: {app: heavy}
              strategy:
                canary:
                  steps:
                  - setWeight: 150
                  - pause:
                      duration: 5 minutes
              template:
                metadata:
                  labels: {app: heavy}
                spec:
                  containers:
                  - {name: web, image: "myapp:v2.0"}
            """);
        var badTemplate = await ApplyAsync(Users.Platform, $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata:
              name: broken
              namespace: {{Production}}
            spec:
              metrics:
              - name: success-rate
                interval: 1 minute
                successCondition: result[0] >=
                provider:
                  prometheus:
                    address: not a url
                    query: sum(up)
            """);
        var missingTemplate = await ApplyAsync(Users.Platform, $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: analysed
              namespace: {{Production}}
            spec:
              selector:
                matchLabels: {app: analysed}
              strategy:
                canary:
                  steps:
                  - setWeight: 20
                  - analysis:
                      templates:
                      - templateName: success-rate
              template:
                metadata:
                  labels: {app: analysed}
                spec:
                  containers:
                  - {name: web, image: "myapp:v2.0"}
            """);

        Assert.False(badWeight.Succeeded, badWeight.ToString());
        Assert.Contains("denied the request: spec.strategy.canary.steps[0].setWeight: must be within 0..100, not 150\n", badWeight.Stderr, StringComparison.Ordinal);
        Assert.False(badTemplate.Succeeded, badTemplate.ToString());
        Assert.Contains("successCondition: \"result[0] >=\" does not parse", badTemplate.Stderr, StringComparison.Ordinal);
        Assert.Contains("address 'not a url' is not an http(s) URL", badTemplate.Stderr, StringComparison.Ordinal);
        Assert.Contains("interval: unknown unit \" minute\" in duration \"1 minute\"", badTemplate.Stderr, StringComparison.Ordinal);
        Assert.True(missingTemplate.Succeeded, missingTemplate.ToString());
        Assert.Contains("AnalysisTemplate in namespace", missingTemplate.Stderr, StringComparison.Ordinal);
        Assert.Contains("success-rate does not exist", missingTemplate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlApply_SeedRolloutUnchanged_Accepted()
    {
        var applied = await Plane.Kubectl.RunAsync(Users.Platform.KubeconfigPath, ["apply", "-n", Production, "-f", "-", "--dry-run=server"], stdin: SeedRollout);

        Assert.True(applied.Succeeded, applied.ToString());
    }
}
