using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>Decision 1: Applications written with kubectl are held to their AppProject at admission time.</summary>
public sealed class ApplicationTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    [Fact]
    public async Task KubectlApply_RepoOutsideSourceRepos_DeniedWithReason()
    {
        var cancellationToken = Timeout();

        var applied = await ApplyAsync(Users.Platform, Fixtures.WebApplication(ArgoCd, Production, name: "rogue", repo: "https://github.com/someone-else/manifests"));

        Assert.False(applied.Succeeded, applied.ToString());
        Assert.Contains("admission webhook \"applications.webhooks.tollgate.dev\" denied the request", applied.Stderr, StringComparison.Ordinal);
        Assert.Contains("repository https://github.com/someone-else/manifests is not permitted in project production", applied.Stderr, StringComparison.Ordinal);
        Assert.Null(await Client.GetAsync<Application>("rogue", ArgoCd, cancellationToken));
    }

    [Fact]
    public async Task KubectlApply_DestinationStaging_DeniedWithReason()
    {
        var applied = await ApplyAsync(Users.Platform, Fixtures.WebApplication(ArgoCd, Production, name: "staged", destination: "staging"));

        Assert.False(applied.Succeeded, applied.ToString());
        Assert.Contains("namespace 'staging' does not match any destination allowed in project production", applied.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlApply_ProjectMissing_Denied()
    {
        var applied = await ApplyAsync(Users.Platform, Fixtures.WebApplication(ArgoCd, Production, name: "orphan", project: "nope"));

        Assert.False(applied.Succeeded, applied.ToString());
        Assert.Contains("references project nope, which does not exist", applied.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlApply_ProjectAndApplicationInOneApply_ApplicationAccepted()
    {
        // One kubectl apply creates the project and, milliseconds later, the Application: the webhook's cache may not
        // have the project yet, so it must look it up before calling it missing. No retry here on purpose.
        var applied = await Plane.Kubectl.RunAsync(
            Plane.AdminKubeconfigPath,
            ["apply", "-f", "-"],
            stdin: Fixtures.NegationProject(ArgoCd, Production) + "\n---\n" + Fixtures.WebApplication(ArgoCd, Production, name: "together", project: "org", repo: "https://github.com/myorg/tools", destination: "tools"));

        Assert.True(applied.Succeeded, applied.ToString());
        Assert.DoesNotContain("which does not exist", applied.Stderr, StringComparison.Ordinal);
        Assert.NotNull(await Client.GetAsync<Application>("together", ArgoCd, Timeout()));
    }

    [Fact]
    public async Task KubectlApply_NegatedRepositoryAndNamespace_DeniedOthersAllowed()
    {
        await ApplyAsAdminAsync(Fixtures.NegationProject(ArgoCd, Production));
        var allowed = await RetryUntilAsync(
            () => ApplyAsync(Users.Platform, Fixtures.WebApplication(ArgoCd, Production, name: "tools", project: "org", repo: "https://github.com/myorg/tools", destination: "tools")),
            result => result.Succeeded);
        var secret = await ApplyAsync(Users.Platform, Fixtures.WebApplication(ArgoCd, Production, name: "vault", project: "org", repo: "https://github.com/myorg/secret-vault", destination: "tools"));
        var production = await ApplyAsync(Users.Platform, Fixtures.WebApplication(ArgoCd, Production, name: "sneaky", project: "org", repo: "https://github.com/myorg/tools"));

        Assert.True(allowed.Succeeded, allowed.ToString());
        Assert.False(secret.Succeeded, secret.ToString());
        Assert.Contains("excluded by '!https://github.com/myorg/secret-*'", secret.Stderr, StringComparison.Ordinal);
        Assert.False(production.Succeeded, production.ToString());
        Assert.Contains($"is not permitted in project org: it is excluded by", production.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationOperation_DevTeamSyncsButCannotDelete_PlatformTeamDeletes()
    {
        var cancellationToken = Timeout();
        const string sync = "{\"operation\":{\"initiatedBy\":{\"username\":\"dev-user\"},\"sync\":{\"revision\":\"main\"}}}";

        var synced = await KubectlAsync(Users.Developer, "patch", "application", "web-app", "-n", ArgoCd, "--type", "merge", "-p", sync);
        var edited = await KubectlAsync(Users.Developer, "patch", "application", "web-app", "-n", ArgoCd, "--type", "merge", "-p", "{\"spec\":{\"source\":{\"targetRevision\":\"dev\"}}}");
        var devDelete = await KubectlAsync(Users.Developer, "delete", "application", "web-app", "-n", ArgoCd, "--wait=false");
        var stored = await Client.GetAsync<Application>("web-app", ArgoCd, cancellationToken);
        var platformDelete = await KubectlAsync(Users.Platform, "delete", "application", "web-app", "-n", ArgoCd, "--wait=false");

        Assert.True(synced.Succeeded, synced.ToString());
        Assert.NotNull(stored?.Operation);
        Assert.False(edited.Succeeded, edited.ToString());
        Assert.Contains("dev-user may not update applications 'production/web-app'", edited.Stderr, StringComparison.Ordinal);
        Assert.False(devDelete.Succeeded, devDelete.ToString());
        Assert.Contains("dev-user may not delete applications 'production/web-app'", devDelete.Stderr, StringComparison.Ordinal);
        Assert.True(platformDelete.Succeeded, platformDelete.ToString());
    }

    [Fact]
    public async Task ApplicationCreate_DevTeamWithinLimits_DeniedByRoleAndControllerAllowed()
    {
        var yaml = Fixtures.WebApplication(ArgoCd, Production, name: "web-app-canary");

        var developer = await ApplyAsync(Users.Developer, yaml);
        var controller = await ApplyAsync(Users.Controller, yaml);

        Assert.False(developer.Succeeded, developer.ToString());
        Assert.Contains("dev-user may not create applications 'production/web-app-canary'", developer.Stderr, StringComparison.Ordinal);
        Assert.True(controller.Succeeded, controller.ToString());
    }

    [Fact]
    public async Task GlobalRbacConfigMap_Changed_RecompiledAndApplied()
    {
        var before = await KubectlAsync(Users.Developer, "delete", "application", "web-app", "-n", ArgoCd, "--dry-run=server");
        await ApplyAsAdminAsync($"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argocd-rbac-cm
              namespace: {ArgoCd}
            data:
              policy.csv: |
                g, dev-team, role:admin
            """);

        var after = await RetryUntilAsync(
            () => KubectlAsync(Users.Developer, "delete", "application", "web-app", "-n", ArgoCd, "--dry-run=server"),
            result => result.Succeeded);

        Assert.False(before.Succeeded, before.ToString());
        Assert.True(after.Succeeded, after.ToString());
    }
}
