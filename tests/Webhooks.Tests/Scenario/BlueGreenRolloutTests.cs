using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>kubectl-argo-rollouts operations on a tracked blue-green Rollout are authorized by project role as for canary.</summary>
public sealed class BlueGreenRolloutTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
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
              replicas: 3
              paused: true
              selector:
                matchLabels:
                  app: checkout
              strategy:
                blueGreen:
                  activeService: checkout-active
                  previewService: checkout-preview
                  autoPromotionEnabled: false
              template:
                metadata:
                  labels:
                    app: checkout
                spec:
                  containers:
                  - name: web
                    image: myapp:v2.0
            """);

    [Fact]
    public async Task PluginOperations_DevTeamWithPromoteAction_PromoteAllowedRestartAndBlueGreenEditDenied()
    {
        var cancellationToken = Timeout();

        var restart = await KubectlAsync(Users.Developer, "patch", "rollout", "checkout", "-n", Production, "--type", "merge", "-p", "{\"spec\":{\"restartAt\":\"2030-01-01T00:00:00Z\"}}");
        var edit = await KubectlAsync(Users.Developer, "patch", "rollout", "checkout", "-n", Production, "--type", "merge", "-p", "{\"spec\":{\"strategy\":{\"blueGreen\":{\"autoPromotionEnabled\":true}}}}");
        var promote = await KubectlAsync(Users.Developer, "patch", "rollout", "checkout", "-n", Production, "--type", "merge", "-p", "{\"spec\":{\"paused\":false}}");

        Assert.False(restart.Succeeded, restart.ToString());
        Assert.Contains("the Rollout operation restart is not granted", restart.Stderr, StringComparison.Ordinal);
        Assert.False(edit.Succeeded, edit.ToString());
        Assert.Contains("Change it in Git", edit.Stderr, StringComparison.Ordinal);
        Assert.True(promote.Succeeded, promote.ToString());
        var stored = await Client.GetAsync<Rollout>("checkout", Production, cancellationToken);
        Assert.False(stored!.Spec.Paused ?? false);
        Assert.False(stored.Spec.Strategy!.BlueGreen!.AutoPromotionEnabled);
    }

    [Fact]
    public async Task KubectlApply_BlueGreenWithOneServiceForBoth_DeniedWithArgosMessage()
    {
        var applied = await ApplyAsync(Users.Platform, $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: same-services
              namespace: {{Production}}
            spec:
              selector:
                matchLabels: {app: same}
              strategy:
                blueGreen:
                  activeService: web
                  previewService: web
              template:
                metadata:
                  labels: {app: same}
                spec:
                  containers:
                  - {name: web, image: "myapp:v2.0"}
            """);

        Assert.False(applied.Succeeded, applied.ToString());
        Assert.Contains("denied the request: spec.strategy.blueGreen.activeService: This rollout uses the same service for the active and preview services, but two different services are required.", applied.Stderr, StringComparison.Ordinal);
    }
}
