using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>
/// Argo CD's project Update checks for AppProjects edited with the real kubectl: a new source repository needs
/// repositories update, and no edit may leave the project's Applications with a source it no longer permits.
/// </summary>
public sealed class ProjectUpdateTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    private const string OtherRepo = "https://github.com/myorg/other-manifests";

    [Fact]
    public async Task KubectlEditProject_NewRepositoryAndInvalidatedApplication_RefusedAsArgoCd()
    {
        await ApplyAsAdminAsync($"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argocd-rbac-cm
              namespace: {ArgoCd}
            data:
              policy.csv: |
                p, role:project-editor, projects, update, production, allow
                g, platform-team, role:project-editor
            """);
        var withOtherRepo = Fixtures.ProductionProject(ArgoCd, Production).Replace($"  - {RepoUrl}\n", $"  - {RepoUrl}\n  - {OtherRepo}\n", StringComparison.Ordinal);
        var withoutWebAppRepo = Fixtures.ProductionProject(ArgoCd, Production).Replace($"  - {RepoUrl}\n", $"  - {OtherRepo}\n", StringComparison.Ordinal);

        var repository = await RetryUntilAsync(
            () => ApplyAsync(Users.Platform, withOtherRepo, "--dry-run=server"),
            result => result.Stderr.Contains("repositories", StringComparison.Ordinal));
        var invalidating = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "--dry-run=server", "-f", "-"], stdin: withoutWebAppRepo);
        var harmless = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "--dry-run=server", "-f", "-"], stdin: withOtherRepo);

        Assert.False(repository.Succeeded, repository.ToString());
        Assert.Contains($"platform-user may not update repositories '{OtherRepo}'", repository.Stderr, StringComparison.Ordinal);
        Assert.False(invalidating.Succeeded, invalidating.ToString());
        Assert.Contains("Argo CD refuses to update AppProject production: as a result of project update 1 applications source became invalid", invalidating.Stderr, StringComparison.Ordinal);
        Assert.True(harmless.Succeeded, harmless.ToString());
    }
}
