using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Clusters;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

public sealed class ApplicationCheckTests
{
    private const string Manifests = "https://github.com/myorg/k8s-manifests";
    private const string InCluster = ProjectFixtures.InClusterServer;

    [Fact]
    public void CheckApplication_SeedApplicationInProductionProject_HasNoViolation()
    {
        var application = ProjectFixtures.SeedApplication();
        application.Spec.Project = "production";

        Assert.Empty(ProjectFixtures.CompiledSeedProject().CheckApplication(application));
    }

    [Fact]
    public void CheckApplication_SeedApplicationAsWritten_ReportsItBelongsToTheDefaultProject()
    {
        var violation = Assert.Single(ProjectFixtures.CompiledSeedProject().CheckApplication(ProjectFixtures.SeedApplication()));

        Assert.Equal(new PolicyViolation("spec.project", "application web-app belongs to project default, not production"), violation);
    }

    [Theory]
    [InlineData(new[] { Manifests }, InCluster, null, "production-eu", new string[0])]
    [InlineData(new[] { Manifests + ".git" }, InCluster + "/", null, "production", new string[0])]
    [InlineData(new[] { "https://github.com/evil/repo" }, InCluster, null, "production", new[] { "spec.source.repoURL: repository https://github.com/evil/repo is not permitted in project production" })]
    [InlineData(new[] { Manifests, "https://github.com/evil/repo", Manifests }, InCluster, null, "production", new[] { "spec.sources[1].repoURL: repository https://github.com/evil/repo is not permitted in project production" })]
    [InlineData(new[] { "https://a.example/x", "https://b.example/y" }, InCluster, null, "production", new[] { "spec.sources[0].repoURL: repository https://a.example/x is not permitted in project production", "spec.sources[1].repoURL: repository https://b.example/y is not permitted in project production" })]
    [InlineData(new[] { Manifests }, InCluster, null, "kube-system", new[] { "spec.destination: destination server 'https://kubernetes.default.svc' (name 'in-cluster'), namespace 'kube-system' does not match any destination allowed in project production" })]
    [InlineData(new[] { Manifests }, null, "in-cluster", "production", new string[0])]
    [InlineData(new[] { Manifests }, null, "unknown-cluster", "production", new[] { "spec.destination: application destination spec for web-app is invalid: there are no clusters with this name: unknown-cluster" })]
    [InlineData(new[] { Manifests }, InCluster, "in-cluster", "production", new[] { "spec.destination: application destination spec for web-app is invalid: application destination can't have both name and server defined: in-cluster https://kubernetes.default.svc" })]
    [InlineData(new[] { Manifests }, null, null, "production", new[] { "spec.destination: application destination spec for web-app is invalid: Destination server missing from app spec" })]
    [InlineData(new[] { "" }, InCluster, null, "production", new[] { "spec.source.repoURL: spec.source.repoURL is required" })]
    public void CheckApplication_SourcesAndDestination_ReportEachViolation(string[] repoUrls, string? server, string? name, string destinationNamespace, string[] expected)
    {
        var application = ProjectFixtures.Application("production", ProjectFixtures.Destination(server, destinationNamespace, name), repoUrls);

        var violations = ProjectFixtures.CompiledSeedProject().CheckApplication(application);

        Assert.Equal(expected, violations.Select(violation => $"{violation.Field}: {violation.Message}"));
    }

    [Fact]
    public void CheckApplication_MultiSource_IgnoresTheSingleSourceField()
    {
        var application = ProjectFixtures.Application("production", ProjectFixtures.Destination(InCluster, "production"), Manifests, Manifests);
        application.Spec.Source = new ApplicationSource { RepoUrl = "https://github.com/evil/repo", Path = "." };

        Assert.Empty(ProjectFixtures.CompiledSeedProject().CheckApplication(application));
    }

    [Fact]
    public void CheckApplication_NoSourceAtAll_ReportsMissingSource()
    {
        var application = ProjectFixtures.Application("production", ProjectFixtures.Destination(InCluster, "production"), Manifests);
        application.Spec.Source = null;

        var violation = Assert.Single(ProjectFixtures.CompiledSeedProject().CheckApplication(application));

        Assert.Equal("spec.source", violation.Field);
    }

    [Theory]
    [InlineData("https://prod-eu.example.com", null, true)]
    [InlineData(null, "prod-eu", true)]
    [InlineData(null, "staging", false)]
    public void CheckApplication_KnownClusters_CompleteTheDestinationBeforeMatching(string? server, string? name, bool expectedPermitted)
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(spec =>
        {
            spec.SourceRepos = ["*"];
            spec.Destinations = [ProjectFixtures.Destination("https://prod-*.example.com", "apps", name: null)];
        }));
        var application = ProjectFixtures.Application("production", ProjectFixtures.Destination(server, "apps", name), Manifests);
        var clusters = new ClusterRegistry([new("https://prod-eu.example.com", "prod-eu"), new("https://staging.example.com", "staging")]);

        var violations = project.CheckApplication(application, clusters);

        Assert.Equal(expectedPermitted, violations.Count == 0);
    }
}
