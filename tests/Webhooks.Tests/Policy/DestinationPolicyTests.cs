using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>Destination entries are written "server|name|namespace" to keep the tables readable.</summary>
public sealed class DestinationPolicyTests
{
    private const string InCluster = ProjectFixtures.InClusterServer;
    private const string Eks = "https://eks-cluster-endpoint.ap-southeast-1.eks.amazonaws.com";

    [Theory]
    [InlineData(InCluster, "in-cluster", "production", true)]
    [InlineData(InCluster, "in-cluster", "production-eu", true)]
    [InlineData(InCluster, "in-cluster", "production-", true)]
    [InlineData(InCluster, "in-cluster", "productionx", false)]
    [InlineData(InCluster, "in-cluster", "staging", false)]
    [InlineData("https://other-cluster", "other", "production", false)]
    [InlineData("", "in-cluster", "production", false)]
    public void IsDestinationPermitted_SeedProject_OnlyProductionNamespacesInCluster(string server, string name, string destinationNamespace, bool expected)
    {
        Assert.Equal(expected, ProjectFixtures.CompiledSeedProject().IsDestinationPermitted(server, name, destinationNamespace));
    }

    [Theory]
    [InlineData(new[] { InCluster + "||default" }, InCluster, "", "default", true)]
    [InlineData(new[] { InCluster + "||default" }, InCluster, "", "kube-system", false)]
    [InlineData(new[] { "https://my-cluster||default" }, InCluster, "", "default", false)]
    [InlineData(new[] { InCluster + "||*" }, InCluster, "", "kube-system", true)]
    [InlineData(new[] { "https://*.default.svc||default" }, InCluster, "", "default", true)]
    [InlineData(new[] { "https://team1-*||default" }, "https://test2-dev-cluster", "", "default", false)]
    [InlineData(new[] { InCluster + "||test-*" }, InCluster, "", "test-foo", true)]
    [InlineData(new[] { InCluster + "||test-*" }, InCluster, "", "test", false)]
    [InlineData(new[] { "*||*" }, InCluster, "", "test", true)]
    [InlineData(new[] { "*||*" }, InCluster, "", "", true)]
    [InlineData(new[] { "|test|*" }, "", "test", "test", true)]
    [InlineData(new[] { "|test2|*" }, "", "test", "test", false)]
    [InlineData(new[] { InCluster + "|host-cluster|!{kube-system,argocd}", Eks + "|destination-cluster-01|*" }, Eks, "", "kube-system", true)]
    [InlineData(new string[0], InCluster, "in-cluster", "default", false)]
    public void IsDestinationPermitted_PositiveEntries_MatchArgoCd(string[] entries, string server, string name, string destinationNamespace, bool expected)
    {
        Assert.Equal(expected, Project(entries).IsDestinationPermitted(server, name, destinationNamespace));
    }

    [Theory]
    [InlineData(new[] { "!" + InCluster + "||default" }, InCluster, "", "default", false)]
    [InlineData(new[] { InCluster + "||!default" }, InCluster, "", "kube-system", true)]
    [InlineData(new[] { "!https://my-cluster||default" }, InCluster, "", "default", true)]
    [InlineData(new[] { "!" + InCluster + "||*" }, InCluster, "", "kube-system", false)]
    [InlineData(new[] { "!https://*.default.svc||default" }, InCluster, "", "default", false)]
    [InlineData(new[] { "!https://team1-*||default" }, "https://test2-dev-cluster", "", "default", true)]
    [InlineData(new[] { InCluster + "||!test-*" }, InCluster, "", "test-foo", false)]
    [InlineData(new[] { InCluster + "||!test-*" }, InCluster, "", "test", true)]
    [InlineData(new[] { "|!test|*" }, "", "test", "test", false)]
    [InlineData(new[] { "|!test2|*" }, "", "test", "test", true)]
    [InlineData(new[] { "*||kube-system", "*||!kube-system" }, InCluster, "", "kube-system", false)]
    [InlineData(new[] { "*||*", "*||!kube-system" }, InCluster, "", "kube-system", false)]
    [InlineData(new[] { InCluster + "||*", "!" + InCluster + "||*" }, InCluster, "", "kube-system", false)]
    [InlineData(new[] { "*||*", "!" + InCluster + "||kube-system" }, InCluster, "", "kube-system", false)]
    [InlineData(new[] { "*||*", "!" + InCluster + "||kube-system", "*||!kube-system" }, InCluster, "", "kube-system", false)]
    [InlineData(new[] { "*||*", "!" + InCluster + "||kube-system", "*||!kube-system" }, InCluster, "", "default", true)]
    [InlineData(new[] { "*||*", "!" + InCluster + "||kube-system", "*||!kube-system" }, "https://test-dev-cluster", "", "kube-system", false)]
    [InlineData(new[] { "|test|*", "|!test|*" }, "", "test", "test", false)]
    [InlineData(new[] { "*||test", "!https://test-server||other" }, "https://test-server", "", "test", true)]
    [InlineData(new[] { "*||*", "https://test-server||!other" }, "https://other-test-server", "", "other", true)]
    public void IsDestinationPermitted_Exclusions_DenyOverAnyAllowingEntry(string[] entries, string server, string name, string destinationNamespace, bool expected)
    {
        Assert.Equal(expected, Project(entries).IsDestinationPermitted(server, name, destinationNamespace));
    }

    [Theory]
    [InlineData(new[] { "|in-cluster|production" }, InCluster, "in-cluster", "production", true)]
    [InlineData(new[] { "|in-cluster|production" }, InCluster, "", "production", false)]
    [InlineData(new[] { InCluster + "||production" }, "", "in-cluster", "production", false)]
    [InlineData(new[] { "https://elsewhere|in-cluster|production" }, InCluster, "in-cluster", "production", true)]
    [InlineData(new[] { InCluster + "|elsewhere|production" }, InCluster, "in-cluster", "production", true)]
    public void IsDestinationPermitted_NameOrServer_EitherOneMatchingSuffices(string[] entries, string server, string name, string destinationNamespace, bool expected)
    {
        Assert.Equal(expected, Project(entries).IsDestinationPermitted(server, name, destinationNamespace));
    }

    [Theory]
    [InlineData(new[] { "*||*", "|!in-cluster|kube-system" }, InCluster, "in-cluster", "default", false)]
    [InlineData(new[] { "*||*", "|!in-cluster|kube-system" }, "https://remote", "remote", "default", true)]
    [InlineData(new[] { "*||*", "!" + InCluster + "||kube-system" }, InCluster, "in-cluster", "default", true)]
    public void IsDestinationPermitted_ExcludedName_DeniesWhateverTheNamespace(string[] entries, string server, string name, string destinationNamespace, bool expected)
    {
        Assert.Equal(expected, Project(entries).IsDestinationPermitted(server, name, destinationNamespace));
    }

    [Theory]
    [InlineData(new[] { InCluster + "||production" }, InCluster, "", "staging", false, "destination server 'https://kubernetes.default.svc', namespace 'staging' does not match any destination allowed in project production")]
    [InlineData(new[] { "*||*", "*||!kube-system" }, InCluster, "in-cluster", "kube-system", false, "destination server 'https://kubernetes.default.svc' (name 'in-cluster'), namespace 'kube-system' is not permitted in project production: it is excluded by {server '*', namespace '!kube-system'}")]
    [InlineData(new[] { "|in-cluster|prod-*" }, "", "in-cluster", "prod-eu", true, "destination name 'in-cluster', namespace 'prod-eu' is permitted in project production by {name 'in-cluster', namespace 'prod-*'}")]
    public void CheckDestination_Decision_ExplainsWhichEntryDecided(string[] entries, string server, string name, string destinationNamespace, bool allowed, string message)
    {
        var decision = Project(entries).CheckDestination(server, name, destinationNamespace);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(message, decision.Message);
    }

    private static CompiledProject Project(string[] entries) =>
        ProjectFixtures.WithDestinations(Array.ConvertAll(entries, Parse));

    private static ApplicationDestination Parse(string entry)
    {
        var parts = entry.Split('|');
        return ProjectFixtures.Destination(NullIfEmpty(parts[0]), parts[2], NullIfEmpty(parts[1]));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
