using System.Diagnostics;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;
using Xunit.Abstractions;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>
/// Each settings source the webhooks read from a cache (Tollgate's settings ConfigMap, argocd-rbac-cm, argocd-cm, an
/// Argo CD cluster Secret) changes a decision without a restart. The change is written with the API client and then
/// probed through the API server with a server-side dry run every few milliseconds; the delay from the write's answer
/// to the first changed decision is reported (never asserted: these machines are shared) and quoted in docs/policy.md.
/// </summary>
public sealed class SettingsPropagationTests(ControlPlaneFixture fixture, ITestOutputHelper output) : WebhookScenarioTest(fixture)
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(5);

    protected override string? SettingsConfigMap => $"{Production}/tollgate-settings";

    protected override Task ConfigureAsync(CancellationToken cancellationToken) =>
        Client.CreateAsync(SettingsMap(adminGroups: "[system:masters]"), cancellationToken: cancellationToken);

    [Fact]
    public async Task TollgateSettings_AdminGroupAdded_DecisionChangesWithoutRestart()
    {
        using var developer = new KubernetesClient(Users.Developer.Configuration, ArgoCdJsonContext.Default);
        var before = await DeleteAllowedAsync(developer);

        var delay = await MeasureAsync(
            "Tollgate settings ConfigMap",
            ct => Client.UpdateAsync(SettingsMap(adminGroups: "[system:masters, dev-team]"), cancellationToken: ct),
            async ct => await DeleteAllowedAsync(developer, ct));

        Assert.False(before);
        Assert.NotNull(delay);
    }

    [Fact]
    public async Task ArgoCdRbacConfigMap_PolicyGranted_DecisionChangesWithoutRestart()
    {
        using var developer = new KubernetesClient(Users.Developer.Configuration, ArgoCdJsonContext.Default);
        var before = await DeleteAllowedAsync(developer);
        var rbac = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "argocd-rbac-cm", Namespace = ArgoCd },
            Data = new Dictionary<string, string> { ["policy.csv"] = "g, dev-team, role:admin\n" },
        };

        var delay = await MeasureAsync(
            "argocd-rbac-cm",
            ct => Client.CreateAsync(rbac, cancellationToken: ct),
            async ct => await DeleteAllowedAsync(developer, ct));

        Assert.False(before);
        Assert.NotNull(delay);
    }

    [Fact]
    public async Task ArgoCdConfigMap_InClusterDisabled_DecisionChangesWithoutRestart()
    {
        using var platform = new KubernetesClient(Users.Platform.Configuration, ArgoCdJsonContext.Default);
        var inCluster = await CopyOfWebAppAsync("local-app");
        var before = await CreateAllowedAsync(platform, inCluster);
        var argoCdSettings = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "argocd-cm", Namespace = ArgoCd },
            Data = new Dictionary<string, string> { ["cluster.inClusterEnabled"] = "false" },
        };

        var delay = await MeasureAsync(
            "argocd-cm",
            ct => Client.CreateAsync(argoCdSettings, cancellationToken: ct),
            async ct => !await CreateAllowedAsync(platform, inCluster, ct));

        Assert.True(before);
        Assert.NotNull(delay);
    }

    [Fact]
    public async Task ClusterSecret_NamedClusterAdded_DecisionChangesWithoutRestart()
    {
        using var platform = new KubernetesClient(Users.Platform.Configuration, ArgoCdJsonContext.Default);
        var named = await CopyOfWebAppAsync("eu-app");
        named.Spec.Destination = new ApplicationDestination { Name = "prod-eu", Namespace = "apps" };
        var before = await CreateAllowedAsync(platform, named);
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "prod-eu",
                Namespace = ArgoCd,
                Labels = new Dictionary<string, string> { ["argocd.argoproj.io/secret-type"] = "cluster" },
            },
            Type = "Opaque",
            StringData = new Dictionary<string, string>
            {
                ["name"] = "prod-eu",
                ["server"] = "https://prod-eu.example.com",
                ["project"] = "production",
                ["config"] = "{}",
            },
        };

        var delay = await MeasureAsync(
            "cluster Secret",
            ct => Client.CreateAsync(secret, cancellationToken: ct),
            async ct => await CreateAllowedAsync(platform, named, ct));

        Assert.False(before);
        Assert.NotNull(delay);
    }

    /// <summary>
    /// Writes the change, then probes until the decision differs; null if it never did within the timeout.
    /// Reported: the time from the write's answer to the answer of the first changed probe, and the probes it took.
    /// </summary>
    private async Task<TimeSpan?> MeasureAsync(string source, Func<CancellationToken, Task> change, Func<CancellationToken, Task<bool>> changed)
    {
        var cancellationToken = Timeout(30);
        await change(cancellationToken);
        var sinceWrite = Stopwatch.StartNew();
        var probes = 0;
        while (sinceWrite.Elapsed < TimeSpan.FromSeconds(20))
        {
            probes++;
            if (await changed(cancellationToken))
            {
                output.WriteLine($"{source}: decision changed {sinceWrite.Elapsed.TotalMilliseconds:F0} ms after the write returned ({probes} probes)");
                return sinceWrite.Elapsed;
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }

        output.WriteLine($"{source}: decision unchanged after {sinceWrite.Elapsed.TotalMilliseconds:F0} ms ({probes} probes)");
        return null;
    }

    private async Task<bool> DeleteAllowedAsync(KubernetesClient user, CancellationToken cancellationToken = default) =>
        await AllowedAsync(() => user.DeleteAsync<Application>("web-app", ArgoCd, new DeleteOptions { DryRun = ["All"] }, cancellationToken));

    private async Task<bool> CreateAllowedAsync(KubernetesClient user, Application application, CancellationToken cancellationToken = default) =>
        await AllowedAsync(() => user.CreateAsync(application, new WriteOptions { DryRun = true }, cancellationToken));

    /// <summary>True when the API server accepted the dry run; false when an admission webhook refused it.</summary>
    private static async Task<bool> AllowedAsync(Func<Task> request)
    {
        try
        {
            await request();
            return true;
        }
        catch (KubernetesException refused) when (refused.Message.Contains("denied the request", StringComparison.Ordinal))
        {
            return false;
        }
    }

    private async Task<Application> CopyOfWebAppAsync(string name)
    {
        var copy = await Client.GetAsync<Application>("web-app", ArgoCd) ?? throw new InvalidOperationException("web-app missing");
        copy.Metadata = new V1ObjectMeta { Name = name, Namespace = ArgoCd };
        copy.Status = null;
        return copy;
    }

    private V1ConfigMap SettingsMap(string adminGroups) => new()
    {
        Metadata = new V1ObjectMeta { Name = "tollgate-settings", Namespace = Production },
        Data = new Dictionary<string, string> { ["settings.yaml"] = $"argocdNamespace: {ArgoCd}\nadminGroups: {adminGroups}\n" },
    };
}
