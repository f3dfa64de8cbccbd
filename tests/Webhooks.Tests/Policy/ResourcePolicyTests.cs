using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>Lists are written "group/kind,group/kind" ("kind" alone for the core group); null means the field is absent, "" an empty list.</summary>
public sealed class ResourcePolicyTests
{
    [Theory]
    [InlineData("apps", "Deployment", true, true)]
    [InlineData("", "Service", true, true)]
    [InlineData("apps", "StatefulSet", true, false)]
    [InlineData("", "ConfigMap", true, false)]
    [InlineData("", "Namespace", false, true)]
    [InlineData("rbac.authorization.k8s.io", "ClusterRole", false, false)]
    [InlineData("", "Deployment", true, false)]
    public void IsResourcePermitted_SeedProject_FollowsItsWhitelists(string group, string kind, bool namespaced, bool expected)
    {
        Assert.Equal(expected, ProjectFixtures.CompiledSeedProject().IsResourcePermitted(group, kind, namespaced));
    }

    [Theory]
    [InlineData(null, null, "apps", "ReplicaSet", true)]
    [InlineData("", null, "apps", "ReplicaSet", false)]
    [InlineData("", "apps/Deployment", "apps", "Deployment", false)]
    [InlineData("apps/ReplicaSet", "apps/Deployment", "apps", "ReplicaSet", true)]
    [InlineData("apps/ReplicaSet", "apps/Deployment", "apps", "Action", false)]
    [InlineData("apps/*", null, "apps", "Deployment", true)]
    [InlineData("apps/*", null, "", "Service", false)]
    [InlineData("*/Deployment", null, "extensions", "Deployment", true)]
    [InlineData("*/*", null, "", "Service", true)]
    [InlineData("Service", null, "", "Service", true)]
    [InlineData("Service", null, "v1", "Service", false)]
    public void IsResourcePermitted_NamespacedWhitelist_MissingAllowsAllEmptyAllowsNone(string? whitelist, string? blacklist, string group, string kind, bool expected)
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(spec =>
        {
            spec.NamespaceResourceWhitelist = GroupKinds(whitelist);
            spec.NamespaceResourceBlacklist = GroupKinds(blacklist);
        }));

        Assert.Equal(expected, project.IsResourcePermitted(group, kind, namespaced: true));
    }

    [Theory]
    [InlineData(null, "Secret", "", "Secret", false)]
    [InlineData(null, "Secret", "", "ConfigMap", true)]
    [InlineData("*/*", "Secret", "", "Secret", false)]
    [InlineData("*/*", "*/*", "apps", "Action", false)]
    [InlineData("apps/Deployment", "apps/Deploy*", "apps", "Deployment", false)]
    [InlineData("*/*", "*.k8s.io/*", "networking.k8s.io", "NetworkPolicy", false)]
    [InlineData("*/*", "*.k8s.io/*", "apps", "Deployment", true)]
    public void IsResourcePermitted_NamespacedBlacklist_AlwaysWins(string? whitelist, string blacklist, string group, string kind, bool expected)
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(spec =>
        {
            spec.NamespaceResourceWhitelist = GroupKinds(whitelist);
            spec.NamespaceResourceBlacklist = GroupKinds(blacklist);
        }));

        Assert.Equal(expected, project.IsResourcePermitted(group, kind, namespaced: true));
    }

    [Theory]
    [InlineData(null, null, "", "Namespace", false)]
    [InlineData("", null, "", "Namespace", false)]
    [InlineData(null, "Namespace", "", "Namespace", false)]
    [InlineData("*/*", "*/*", "", "Namespace", false)]
    [InlineData("*/*", null, "rbac.authorization.k8s.io", "ClusterRole", true)]
    [InlineData("*/*", "rbac.authorization.k8s.io/*", "rbac.authorization.k8s.io", "ClusterRole", false)]
    [InlineData("Namespace", null, "", "Namespace", true)]
    [InlineData("Namespace", null, "", "PersistentVolume", false)]
    public void IsResourcePermitted_ClusterScoped_UnsetOrEmptyWhitelistAllowsNone(string? whitelist, string? blacklist, string group, string kind, bool expected)
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(spec =>
        {
            spec.ClusterResourceWhitelist = ClusterKinds(whitelist);
            spec.ClusterResourceBlacklist = ClusterKinds(blacklist);
        }));

        Assert.Equal(expected, project.IsResourcePermitted(group, kind, namespaced: false));
    }

    [Theory]
    [InlineData("team1-*", "team1-namespace", true)]
    [InlineData("team1-*", "other-namespace", false)]
    [InlineData(null, "other-namespace", true)]
    public void IsResourcePermitted_ClusterWhitelistWithName_MatchesObjectName(string? namePattern, string name, bool expected)
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(spec =>
            spec.ClusterResourceWhitelist = [new ClusterResourceRestrictionItem { Group = "", Kind = "Namespace", Name = namePattern }]));

        Assert.Equal(expected, project.IsResourcePermitted("", "Namespace", namespaced: false, name));
    }

    [Theory]
    [InlineData(null, true, "namespaced resource apps/Deployment is permitted in project production: the namespaceResourceWhitelist is not set, which allows every namespaced kind")]
    [InlineData("", false, "namespaced resource apps/Deployment is not permitted in project production: the namespaceResourceWhitelist is empty, which allows no namespaced kind")]
    [InlineData("Service", false, "namespaced resource apps/Deployment is not permitted in project production: it is not in the namespaceResourceWhitelist")]
    [InlineData("apps/*", true, "namespaced resource apps/Deployment is permitted in project production by the namespaceResourceWhitelist entry {group 'apps', kind '*'}")]
    public void CheckResource_Decision_SaysWhichListDecided(string? whitelist, bool allowed, string message)
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(spec => spec.NamespaceResourceWhitelist = GroupKinds(whitelist)));

        Assert.Equal(new PolicyDecision(allowed, message, allowed && whitelist is { Length: > 0 } ? "{group 'apps', kind '*'}" : null), project.CheckResource("apps", "Deployment", namespaced: true));
    }

    [Fact]
    public void CheckResource_ClusterScopedWithoutWhitelist_ExplainsNoneAllowed()
    {
        var decision = ProjectFixtures.WithSourceRepos("*").CheckResource("", "Namespace", namespaced: false, "team-a");

        Assert.False(decision.Allowed);
        Assert.Equal("cluster-scoped resource Namespace 'team-a' is not permitted in project production: the clusterResourceWhitelist is not set, which allows no cluster-scoped kind", decision.Message);
    }

    private static GroupKind[]? GroupKinds(string? list) =>
        list is null ? null : list.Length == 0 ? [] : ProjectFixtures.GroupKinds(list.Split(','));

    private static ClusterResourceRestrictionItem[]? ClusterKinds(string? list) =>
        list is null ? null : list.Length == 0 ? [] : ProjectFixtures.ClusterKinds(list.Split(','));
}
