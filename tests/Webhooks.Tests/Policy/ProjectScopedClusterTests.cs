using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Clusters;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>
/// Project-scoped clusters (a cluster Secret's <c>project</c>) and <c>permitOnlyProjectScopedClusters</c>, as Argo CD's
/// GetAppProjectByName (scoped clusters added as destinations) and AppProject.IsDestinationPermitted decide them.
/// </summary>
public sealed class ProjectScopedClusterTests
{
    private const string Manifests = "https://github.com/myorg/k8s-manifests";

    private static readonly ClusterRegistry Clusters = new(
    [
        new ArgoCluster("https://team.example.com", "team") { Project = "production" },
        new ArgoCluster("https://limited.example.com", "limited") { Project = "production", Namespaces = ["apps", "web"] },
        new ArgoCluster("https://shared.example.com", "shared"),
        new ArgoCluster("https://other.example.com", "other") { Project = "staging" },
    ]);

    [Theory]
    [InlineData("https://team.example.com", null, "anything", true)]
    [InlineData(null, "team", "anything", true)]
    [InlineData("https://limited.example.com", null, "web", true)]
    [InlineData("https://limited.example.com", null, "kube-system", false)]
    [InlineData("https://other.example.com", null, "apps", false)]
    [InlineData("https://shared.example.com", null, "apps", false)]
    public void CheckApplication_ScopedClusterNotInDestinations_UsableByItsProjectOnly(string? server, string? name, string destinationNamespace, bool expected)
    {
        var project = CompiledProject.Compile(Project(permitOnlyScoped: false, destinations: []));

        var violations = project.CheckApplication(ProjectFixtures.Application("production", ProjectFixtures.Destination(server, destinationNamespace, name), Manifests), Clusters);

        Assert.Equal(expected, violations.Count == 0);
    }

    [Fact]
    public void CheckApplication_DenyEntry_WinsOverAScopedCluster()
    {
        var project = CompiledProject.Compile(Project(permitOnlyScoped: false, destinations: [ProjectFixtures.Destination("*", "!kube-system")]));

        var violations = project.CheckApplication(
            ProjectFixtures.Application("production", ProjectFixtures.Destination("https://team.example.com", "kube-system"), Manifests), Clusters);

        Assert.Contains("excluded by {server '*', namespace '!kube-system'}", Assert.Single(violations).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://team.example.com", null, true)]
    [InlineData(null, "team", true)]
    [InlineData("https://shared.example.com", null, false)]
    [InlineData("https://kubernetes.default.svc", null, false)]
    [InlineData("https://other.example.com", null, false)]
    public void CheckApplication_PermitOnlyProjectScopedClusters_DestinationMustBeAScopedCluster(string? server, string? name, bool expected)
    {
        var project = CompiledProject.Compile(Project(permitOnlyScoped: true, destinations: [ProjectFixtures.Destination("*", "*")]));

        var violations = project.CheckApplication(ProjectFixtures.Application("production", ProjectFixtures.Destination(server, "apps", name), Manifests), Clusters);

        Assert.Equal(expected, violations.Count == 0);
        if (!expected)
        {
            Assert.Contains("sets permitOnlyProjectScopedClusters", Assert.Single(violations).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckApplication_PermitOnlyProjectScopedClusters_StillNeedsADestinationMatch()
    {
        var project = CompiledProject.Compile(Project(permitOnlyScoped: true, destinations: [ProjectFixtures.Destination("https://team.example.com", "apps")]));

        var violations = project.CheckApplication(
            ProjectFixtures.Application("production", ProjectFixtures.Destination("https://limited.example.com", "kube-system"), Manifests), Clusters);

        Assert.Contains("does not match any destination allowed in project production", Assert.Single(violations).Message, StringComparison.Ordinal);
    }

    private static AppProject Project(bool permitOnlyScoped, ApplicationDestination[] destinations) =>
        ProjectFixtures.Project(spec =>
        {
            spec.SourceRepos = ["*"];
            spec.Destinations = destinations;
            spec.AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["permitOnlyProjectScopedClusters"] = JsonSerializer.SerializeToElement(permitOnlyScoped, Tollgate.Shared.Entities.ArgoCd.ArgoCdJsonContext.Default.Boolean),
            };
        });
}
