using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>
/// ApplicationSets written with the real kubectl: Argo CD RBAC on <c>applicationsets</c> (from the project's roles),
/// literal template values held to the project, generator-filled values let through with a warning.
/// </summary>
public sealed class ApplicationSetTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    [Fact]
    public async Task ApplicationSet_RbacFromProjectRolesAndTemplateLimits_AsArgoCd()
    {
        var guestbook = ApplicationSet("guestbook", RepoUrl, "https://kubernetes.default.svc", Production);

        var noRole = await ApplyAsync(Users.Platform, guestbook);
        await ApplyAsAdminAsync(Fixtures.ProductionProject(ArgoCd, Production).Replace(
            "    - p, proj:production:admin, applications, *, production/*, allow\n",
            "    - p, proj:production:admin, applications, *, production/*, allow\n    - p, proj:production:admin, applicationsets, *, production/*, allow\n",
            StringComparison.Ordinal));
        var created = await RetryUntilAsync(() => ApplyAsync(Users.Platform, guestbook), result => result.Succeeded);
        var outsideProject = await ApplyAsync(Users.Platform, ApplicationSet("guestbook", "https://github.com/someone-else/manifests", "https://kubernetes.default.svc", Production));
        var templated = await ApplyAsync(Users.Platform, ApplicationSet("per-cluster", RepoUrl, "'{{server}}'", Production));
        var developerDelete = await KubectlAsync(Users.Developer, "delete", "applicationset", "guestbook", "-n", ArgoCd);

        Assert.False(noRole.Succeeded, noRole.ToString());
        Assert.Contains("platform-user may not create applicationsets 'production/guestbook'", noRole.Stderr, StringComparison.Ordinal);
        Assert.True(created.Succeeded, created.ToString());
        Assert.False(outsideProject.Succeeded, outsideProject.ToString());
        Assert.Contains(
            "applicationset guestbook breaks the limits of project production: spec.template.spec.source.repoURL: repository https://github.com/someone-else/manifests is not permitted in project production",
            outsideProject.Stderr,
            StringComparison.Ordinal);
        Assert.True(templated.Succeeded, templated.ToString());
        Assert.Contains("spec.template.spec.destination is filled in by the generators", templated.Stderr, StringComparison.Ordinal);
        Assert.False(developerDelete.Succeeded, developerDelete.ToString());
        Assert.Contains("dev-user may not delete applicationsets 'production/guestbook'", developerDelete.Stderr, StringComparison.Ordinal);
    }

    private string ApplicationSet(string name, string repo, string server, string destinationNamespace) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: {{name}}
          namespace: {{ArgoCd}}
        spec:
          generators:
          - list:
              elements:
              - cluster: in-cluster
                server: https://kubernetes.default.svc
          template:
            metadata:
              name: '{{name}}-{{"{{"}}cluster{{"}}"}}'
            spec:
              project: production
              source:
                repoURL: {{repo}}
                targetRevision: {{Revision}}
                path: {{AppPath}}
              destination:
                server: {{server}}
                namespace: {{destinationNamespace}}
        """;
}
