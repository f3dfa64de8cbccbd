using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Tests.Support;

/// <summary>
/// The user's scenario on fresh fixtures per test: a "production" namespace (random name), an Argo CD namespace with
/// the AppProject <c>production</c> (roles developer for dev-team: sync; admin for platform-team: everything) and the
/// Application web-app tracking Deployment web-app (5 replicas), minted users with ordinary Kubernetes RBAC (so a
/// denial comes from the webhook), and the real webhook server registered for these two namespaces only, running as
/// the webhooks ServiceAccount under the shipped config/rbac while the admin registers it.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public abstract class WebhookScenarioTest(ControlPlaneFixture fixture) : IAsyncLifetime
{
    public const string RepoUrl = "https://github.com/myorg/k8s-manifests";
    public const string AppPath = "apps/web-app";
    public const string Revision = "main";

    protected TestControlPlane Plane => fixture.Plane;

    protected KubernetesClient Client { get; private set; } = null!;

    /// <summary>The namespace playing "production".</summary>
    protected string Production { get; private set; } = "";

    protected string ArgoCd { get; private set; } = "";

    protected ScenarioUsers Users { get; private set; } = null!;

    protected RunningWebhooks Webhooks { get; private set; } = null!;

    /// <summary>The webhooks ServiceAccount under the shipped config/rbac: the server runs as it, never as admin.</summary>
    protected KubeUser WebhooksIdentity { get; private set; } = null!;

    protected string TrackingId => $"web-app:apps/Deployment:{Production}/web-app";

    protected static CancellationToken Timeout(int seconds = 120) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public async Task InitializeAsync()
    {
        var cancellationToken = Timeout();
        Client = new KubernetesClient(Plane.AdminConfiguration, ArgoCdJsonContext.Default, RolloutsJsonContext.Default, MetadataJsonContext.Default);
        WebhooksIdentity = await Plane.ShippedIdentities.WebhooksAsync(cancellationToken);
        Production = await Plane.CreateNamespaceAsync("prod", cancellationToken: cancellationToken);
        ArgoCd = await Plane.CreateNamespaceAsync("argocd", cancellationToken: cancellationToken);
        Users = new ScenarioUsers(
            await Plane.MintUserAsync("dev-user", ["dev-team"], cancellationToken),
            await Plane.MintUserAsync("platform-user", ["platform-team"], cancellationToken),
            await Plane.MintUserAsync(ScenarioUsers.ControllerName, ["system:serviceaccounts", "system:serviceaccounts:argocd"], cancellationToken),
            await Plane.MintUserAsync("oncall-user", ["dev-team", ScenarioUsers.BreakGlassGroup], cancellationToken));

        await ApplyAsAdminAsync(Fixtures.Rbac(Production, ArgoCd));
        await ApplyAsAdminAsync(Fixtures.ShippedArgoCdRbac(ArgoCd));
        await ApplyAsAdminAsync(Fixtures.ProductionProject(ArgoCd, Production));
        await ApplyAsAdminAsync(Fixtures.WebApplication(ArgoCd, Production));
        await ApplyAsAdminAsync(Fixtures.WebAppDeployment(Production, TrackingId));
        await ConfigureAsync(cancellationToken);

        var settings = TollgateSettings.Default with { ArgoCdNamespace = ArgoCd };
        Webhooks = await RunningWebhooks.StartAsync(
            WebhooksIdentity.Configuration, Client, settings, [Production, ArgoCd], $"tollgate-test-{Production}", cancellationToken, SettingsConfigMap);
        await WaitUntilWebhooksAnswerAsync(cancellationToken);
    }

    public async Task DisposeAsync()
    {
        if (Webhooks is not null)
        {
            await Webhooks.DisposeAsync();
        }

        await Plane.KubectlAsAdminAsync("delete", "clusterrole", Fixtures.ArgoRoleName(Production), "--ignore-not-found");
        await Plane.DeleteNamespaceAsync(Production);
        await Plane.DeleteNamespaceAsync(ArgoCd);
        Client.Dispose();
    }

    /// <summary>The settings ConfigMap (<c>namespace/name</c>) the server watches, as with --settings-configmap; none by default.</summary>
    protected virtual string? SettingsConfigMap => null;

    /// <summary>Extra fixtures before the server starts.</summary>
    protected virtual Task ConfigureAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected async Task ApplyAsAdminAsync(string yaml)
    {
        var result = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: yaml);
        Assert.True(result.Succeeded, result.ToString());
    }

    protected Task<KubectlResult> KubectlAsync(KubeUser user, params string[] arguments) => Plane.KubectlAsync(user, arguments);

    protected Task<KubectlResult> ApplyAsync(KubeUser user, string yaml, params string[] extra) =>
        Plane.Kubectl.RunAsync(user.KubeconfigPath, ["apply", "-f", "-", .. extra], stdin: yaml);

    protected async Task<int?> ReplicasAsync(CancellationToken cancellationToken) =>
        (await Client.GetAsync<V1Deployment>("web-app", Production, cancellationToken))?.Spec?.Replicas;

    /// <summary>Retries a command until <paramref name="done"/> holds (cache updates reach the webhook a moment later).</summary>
    protected static async Task<KubectlResult> RetryUntilAsync(Func<Task<KubectlResult>> run, Func<KubectlResult, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var result = await run();
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The API server picks up a new configuration within a moment; probe until a denial proves it calls us.</summary>
    private async Task WaitUntilWebhooksAnswerAsync(CancellationToken cancellationToken)
    {
        using var developer = new KubernetesClient(Users.Developer.Configuration);
        await TestControlPlane.WaitUntilAsync(
            "the Tollgate webhooks to be called",
            async ct =>
            {
                var probe = new V1ConfigMap
                {
                    Metadata = new V1ObjectMeta
                    {
                        Name = "probe",
                        Namespace = Production,
                        Annotations = new Dictionary<string, string> { [TollgateSettings.BreakGlassAnnotation] = "probe" },
                    },
                };
                try
                {
                    await developer.CreateAsync(probe, new Shared.Kube.Requests.WriteOptions { DryRun = true }, ct);
                    return false;
                }
                catch (KubernetesException e) when (e.Message.Contains("tollgate.dev/break-glass", StringComparison.Ordinal))
                {
                    return true;
                }
            },
            TimeSpan.FromSeconds(30),
            cancellationToken);
    }
}
