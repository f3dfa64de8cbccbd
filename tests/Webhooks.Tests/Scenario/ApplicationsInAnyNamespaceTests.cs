using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>
/// Applications outside Argo CD's namespace: enabled by application.namespaces in argocd-cmd-params-cm and the project's
/// sourceNamespaces, named <c>&lt;project&gt;/&lt;namespace&gt;/&lt;name&gt;</c> in RBAC and <c>&lt;namespace&gt;_&lt;name&gt;</c> in tracking ids.
/// </summary>
public sealed class ApplicationsInAnyNamespaceTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    [Fact]
    public async Task ApplicationInTeamNamespace_EnabledBySettingAndProject_ThenRbacAndTrackingUseItsNamespace()
    {
        var application = Fixtures.WebApplication(ArgoCd, Production, name: "team-app").Replace($"namespace: {ArgoCd}", $"namespace: {Production}", StringComparison.Ordinal);

        // The guard holds objects created in the namespace to the project's resource lists: let Applications in.
        await ApplyAsAdminAsync(Project(sourceNamespaces: ""));
        var notEnabled = await RetryUntilAsync(
            () => ApplyAsync(Users.Platform, application),
            result => result.Stderr.Contains("is not permitted", StringComparison.Ordinal));
        await ApplyAsAdminAsync(CmdParams(Production));
        var notInProject = await RetryUntilAsync(
            () => ApplyAsync(Users.Platform, application),
            result => result.Stderr.Contains("sourceNamespaces", StringComparison.Ordinal));
        await ApplyAsAdminAsync(Project(sourceNamespaces: $"  sourceNamespaces:\n  - {Production}\n"));
        var created = await RetryUntilAsync(() => ApplyAsync(Users.Platform, application), result => result.Succeeded);
        var synced = await KubectlAsync(Users.Developer, "patch", "application", "team-app", "-n", Production, "--type", "merge", "-p", "{\"operation\":{\"sync\":{\"revision\":\"main\"}}}");
        var deleted = await KubectlAsync(Users.Developer, "delete", "application", "team-app", "-n", Production, "--dry-run=server");
        await ApplyAsAdminAsync($"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: team-config
              namespace: {Production}
              annotations:
                argocd.argoproj.io/tracking-id: {Production}_team-app:/ConfigMap:{Production}/team-config
            data:
              key: value
            """);
        var edited = await KubectlAsync(Users.Developer, "patch", "configmap", "team-config", "-n", Production, "--type", "merge", "-p", "{\"data\":{\"key\":\"changed\"}}");

        Assert.False(notEnabled.Succeeded, notEnabled.ToString());
        Assert.Contains($"namespace '{Production}' is not permitted", notEnabled.Stderr, StringComparison.Ordinal);
        Assert.False(notInProject.Succeeded, notInProject.ToString());
        Assert.Contains($"its namespace '{Production}' is not in the project's sourceNamespaces", notInProject.Stderr, StringComparison.Ordinal);
        Assert.True(created.Succeeded, created.ToString());
        Assert.True(synced.Succeeded, synced.ToString());
        Assert.NotNull((await Client.GetAsync<Application>("team-app", Production, Timeout()))?.Operation);
        Assert.False(deleted.Succeeded, deleted.ToString());
        Assert.Contains($"dev-user may not delete applications 'production/{Production}/team-app'", deleted.Stderr, StringComparison.Ordinal);
        Assert.False(edited.Succeeded, edited.ToString());
        Assert.Contains("is managed by Argo CD Application team-app", edited.Stderr, StringComparison.Ordinal);
    }

    private string Project(string sourceNamespaces) =>
        Fixtures.ProductionProject(ArgoCd, Production)
            .Replace("spec:\n", "spec:\n" + sourceNamespaces, StringComparison.Ordinal)
            .Replace("  namespaceResourceWhitelist:\n", "  namespaceResourceWhitelist:\n  - group: argoproj.io\n    kind: Application\n", StringComparison.Ordinal);

    private string CmdParams(string namespaces) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: argocd-cmd-params-cm
          namespace: {ArgoCd}
        data:
          application.namespaces: "{namespaces}"
        """;
}
