using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Clusters;

namespace Tollgate.Webhooks.Tests.Clusters;

/// <summary>Argo CD's util/db and util/argo cluster lookups: GetDestinationCluster, GetCluster, GetClusterServersByName, GetProjectClusters.</summary>
public sealed class ClusterRegistryTests
{
    private const string InCluster = "https://kubernetes.default.svc";

    private static readonly ArgoCluster ProdEu = new("https://prod-eu.example.com", "prod-eu") { Project = "production", SecretName = "prod-eu" };
    private static readonly ArgoCluster Staging = new("https://staging.example.com", "staging") { SecretName = "staging" };
    private static readonly ArgoCluster StagingCopy = new("https://staging-2.example.com", "staging") { SecretName = "staging-2" };

    [Theory]
    [InlineData("https://prod-eu.example.com", null, "https://prod-eu.example.com|prod-eu")]
    [InlineData("https://prod-eu.example.com/", null, "https://prod-eu.example.com|prod-eu")]
    [InlineData(null, "prod-eu", "https://prod-eu.example.com|prod-eu")]
    [InlineData(InCluster, null, InCluster + "|in-cluster")]
    [InlineData(null, "in-cluster", InCluster + "|in-cluster")]
    [InlineData("https://unknown.example.com", null, "error getting cluster by server \"https://unknown.example.com\": cluster \"https://unknown.example.com\" not found")]
    [InlineData(null, "unknown", "there are no clusters with this name: unknown")]
    [InlineData(null, "staging", "there are 2 clusters with the same name: [https://staging.example.com https://staging-2.example.com]")]
    [InlineData("https://prod-eu.example.com", "prod-eu", "application destination can't have both name and server defined: prod-eu https://prod-eu.example.com")]
    [InlineData(null, null, "Destination server missing from app spec")]
    public void Resolve_ArgoCdRules_ClusterOrArgoCdError(string? server, string? name, string expected)
    {
        var registry = new ClusterRegistry([ProdEu, Staging, StagingCopy]);

        var resolution = registry.Resolve(new ApplicationDestination { Server = server, Name = name, Namespace = "apps" });

        Assert.Equal(expected, resolution.Cluster is { } cluster ? $"{cluster.Server}|{cluster.Name}" : resolution.Error);
    }

    [Theory]
    [InlineData(InCluster, null, "error getting cluster by server \"https://kubernetes.default.svc\": cluster \"https://kubernetes.default.svc\" is disabled")]
    [InlineData(null, "in-cluster", "there are no clusters with this name: in-cluster")]
    public void Resolve_InClusterDisabled_InClusterIsUnknown(string? server, string? name, string expected)
    {
        var registry = new ClusterRegistry([ProdEu], inClusterEnabled: false);

        Assert.Equal(expected, registry.Resolve(new ApplicationDestination { Server = server, Name = name }).Error);
    }

    [Fact]
    public void Resolve_SecretForInClusterAddress_ReplacesTheBuiltInClusterAndItsName()
    {
        var registry = new ClusterRegistry([new ArgoCluster(InCluster, "local") { SecretName = "local" }]);

        Assert.Equal("local", registry.Resolve(new ApplicationDestination { Server = InCluster }).Cluster?.Name);
        Assert.Equal("local", registry.Resolve(new ApplicationDestination { Name = "local" }).Cluster?.Name);
        // No Secret is named in-cluster, so the name still means the in-cluster address, whose cluster is now "local".
        Assert.Equal("local", registry.Resolve(new ApplicationDestination { Name = "in-cluster" }).Cluster?.Name);
    }

    [Fact]
    public void ServersByName_InClusterDisabled_FiltersTheInClusterAddress()
    {
        var registry = new ClusterRegistry([new ArgoCluster(InCluster, "local")], inClusterEnabled: false);

        Assert.Empty(registry.ServersByName("local"));
    }

    [Fact]
    public void ProjectClusters_OnlySecretsNamingTheProject()
    {
        var registry = new ClusterRegistry([ProdEu, Staging]);

        Assert.Equal([ProdEu], registry.ProjectClusters("production"));
        Assert.Empty(registry.ProjectClusters("staging"));
    }

    [Fact]
    public void GetCluster_TwoSecretsForOneServer_FindsTheFirst()
    {
        var first = new ArgoCluster("https://x.example.com", "a");
        var registry = new ClusterRegistry([first, new ArgoCluster("https://x.example.com", "b")]);

        Assert.Same(first, registry.GetCluster("https://x.example.com/", out _));
    }
}
