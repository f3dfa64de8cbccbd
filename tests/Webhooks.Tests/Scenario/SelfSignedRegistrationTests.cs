using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>
/// The real tollgate-webhooks executable in self-signed mode under its shipped identity: registering is a right that
/// identity lacks, so without --registration-kubeconfig it must stop and say why instead of serving unregistered.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class SelfSignedRegistrationTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task SelfSigned_OwnIdentityWithoutRegistrationKubeconfig_ExitsExplainingTheMissingRight()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var identity = await fixture.Plane.ShippedIdentities.WebhooksAsync(timeout.Token);
        var configurationName = $"tollgate-test-unregistered-{Guid.NewGuid():N}"[..40];
        // Its caches must fill before it registers: an Argo CD namespace with the shipped config/rbac-argocd.
        var argoCd = await fixture.Plane.CreateNamespaceAsync("argocd", cancellationToken: timeout.Token);
        var granted = await fixture.Plane.Kubectl.RunAsync(fixture.Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: Fixtures.ShippedArgoCdRbac(argoCd), cancellationToken: timeout.Token);
        Assert.True(granted.Succeeded, granted.ToString());
        var settings = Path.Combine(fixture.Plane.WorkDirectory, $"{configurationName}-settings.yaml");
        await File.WriteAllTextAsync(settings, $"argocdNamespace: {argoCd}\n", timeout.Token);
        var dotnet = ControlPlaneBinaries.DotnetHost;
        await using var webhooks = ManagedProcess.Start(
            "tollgate-webhooks",
            dotnet,
            [Path.Combine(AppContext.BaseDirectory, "tollgate-webhooks.dll"), "--self-signed", "--port", "0", "--kubeconfig", identity.KubeconfigPath, "--configuration-name", configurationName, "--settings", settings],
            Path.Combine(fixture.Plane.WorkDirectory, $"{configurationName}.log"),
            new Dictionary<string, string> { ["TOLLGATE_LOG_FORMAT"] = "text" });

        await TestControlPlane.WaitUntilAsync("tollgate-webhooks to exit", _ => Task.FromResult(webhooks.HasExited), TimeSpan.FromSeconds(90), timeout.Token);

        var log = webhooks.Tail(200);
        Assert.Contains($"Could not register webhook configuration {configurationName}", log, StringComparison.Ordinal);
        Assert.Contains("pass --registration-kubeconfig", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", log, StringComparison.Ordinal);
        Assert.Null(await fixture.Plane.AdminClient.GetAsync<V1ValidatingWebhookConfiguration>(configurationName, cancellationToken: timeout.Token));
        await fixture.Plane.DeleteNamespaceAsync(argoCd);
    }
}
