using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Clusters;
using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Tests.Policy;

namespace Tollgate.Webhooks.Tests.Decisions;

/// <summary>Argo CD's project Update checks beyond projects update (server/project/project.go).</summary>
public sealed class ProjectUpdateRulesTests
{
    private const string InCluster = "https://kubernetes.default.svc";
    private const string Manifests = "https://github.com/myorg/k8s-manifests";

    [Theory]
    [InlineData(new[] { "a", "b" }, new[] { "b", "c" }, new[] { "a", "c" })]
    [InlineData(new[] { "a", "a" }, new string[0], new string[0])]
    [InlineData(new[] { "a" }, new[] { "a" }, new string[0])]
    public void Difference_ValuesOccurringOnce_ArgoCdQuirkIncluded(string[] a, string[] b, string[] expected)
    {
        Assert.Equal(expected, ProjectUpdateRules.Difference(a, b));
    }

    [Fact]
    public void Permissions_AddedClusterAndRepository_ClustersAndRepositoriesUpdate()
    {
        var old = Project([InCluster], [Manifests]);
        var updated = Project([InCluster, "https://prod-eu.example.com"], [Manifests, "https://github.com/myorg/more"]);

        var checks = ProjectUpdateRules.Permissions(old, updated).Select(c => $"{c.Resource} {c.Action} {c.Object}");

        Assert.Equal(["clusters update https://prod-eu.example.com", "repositories update https://github.com/myorg/more"], checks);
    }

    [Fact]
    public void Permissions_RemovedRepository_AlsoNeedsRepositoriesUpdate()
    {
        var checks = ProjectUpdateRules.Permissions(Project([InCluster], [Manifests, "https://x"]), Project([InCluster], [Manifests]));

        Assert.Equal(["repositories update https://x"], checks.Select(c => $"{c.Resource} {c.Action} {c.Object}"));
    }

    [Theory]
    [InlineData(null, new string[0], true)]
    [InlineData(null, null, false)]
    [InlineData(new[] { "apps/Deployment" }, new[] { "apps/Deployment" }, false)]
    [InlineData(new[] { "apps/Deployment" }, new[] { "apps/StatefulSet" }, true)]
    public void Permissions_ResourceListChanged_ClustersUpdateOnEveryDestination(string[]? before, string[]? after, bool expected)
    {
        var old = Project([InCluster, "https://b"], [Manifests]);
        old.Spec.NamespaceResourceWhitelist = before is null ? null : ProjectFixtures.GroupKinds(before);
        var updated = Project([InCluster, "https://b"], [Manifests]);
        updated.Spec.NamespaceResourceWhitelist = after is null ? null : ProjectFixtures.GroupKinds(after);

        var checks = ProjectUpdateRules.Permissions(old, updated);

        Assert.Equal(expected ? ["clusters update " + InCluster, "clusters update https://b"] : [], checks.Select(c => $"{c.Resource} {c.Action} {c.Object}"));
    }

    [Theory]
    [InlineData(new[] { Manifests }, "production", null)]
    [InlineData(new[] { "https://github.com/myorg/other" }, "production", "as a result of project update 2 applications source became invalid")]
    [InlineData(new[] { Manifests }, "elsewhere", "as a result of project update 2 applications destination became invalid")]
    [InlineData(new[] { "https://github.com/myorg/other" }, "elsewhere", "as a result of project update 2 applications source became invalid and 2 applications destination became invalid")]
    public void InvalidatedApplications_SourceOrDestinationNoLongerPermitted_CountedAsArgoCd(string[] repos, string destinationNamespace, string? expected)
    {
        var old = Project([InCluster], [Manifests], "production");
        var updated = Project([InCluster], repos, destinationNamespace);
        Application[] applications =
        [
            ProjectFixtures.Application("production", ProjectFixtures.Destination(InCluster, "production"), Manifests),
            ProjectFixtures.Application("production", ProjectFixtures.Destination(null, "production", "in-cluster"), Manifests, "https://github.com/evil/second-source"),
            // A cluster Argo CD does not know: skipped, as Argo CD skips it.
            ProjectFixtures.Application("production", ProjectFixtures.Destination("https://unknown.example.com", "production"), "https://github.com/elsewhere/x"),
        ];

        Assert.Equal(expected, ProjectUpdateRules.InvalidatedApplications(old, updated, applications, ClusterRegistry.Empty));
    }

    [Theory]
    [InlineData("alice", "p, alice, projects, update, team-a, allow\np, alice, clusters, update, *, allow\np, alice, repositories, update, *, allow", true, DecisionReasons.Allowed)]
    [InlineData("alice", "p, alice, projects, update, team-a, allow\np, alice, repositories, update, *, allow", false, DecisionReasons.RbacDenied)]
    [InlineData("alice", "p, alice, projects, update, team-a, allow\np, alice, clusters, update, *, allow", false, DecisionReasons.RbacDenied)]
    [InlineData("admin", "", true, DecisionReasons.AdminBypass)]
    public void Decide_UpdateAddingClusterAndRepository_NeedsClustersAndRepositoriesUpdate(string requester, string csv, bool allowed, string reason)
    {
        var old = Project([InCluster], [Manifests], name: "team-a");
        var updated = Project([InCluster, "https://prod-eu.example.com"], [Manifests, "https://github.com/myorg/more"], name: "team-a");
        var request = new ProjectRequest
        {
            Operation = "UPDATE",
            Requester = requester == "admin" ? new Requester("root", ["system:masters"], IdentityKind.Admin, false) : new Requester("alice", [], IdentityKind.Human, false),
            Old = old,
            New = updated,
            SpecChanged = true,
        };

        var decision = ProjectDecider.Decide(request, new PolicySnapshot(
            new Dictionary<string, CompiledProjectEntry>(), RbacPolicyParser.ParseConfigMap(new Dictionary<string, string> { ["policy.csv"] = csv })));

        Assert.Equal((allowed, reason), (decision.Allowed, decision.Reason));
    }

    [Fact]
    public void Decide_UpdateInvalidatingApplications_RefusedEvenForAdmins()
    {
        var old = Project([InCluster], [Manifests], name: "team-a");
        var updated = Project([InCluster], ["https://github.com/myorg/other"], name: "team-a");
        var request = new ProjectRequest
        {
            Operation = "UPDATE",
            Requester = new Requester("root", ["system:masters"], IdentityKind.Admin, false),
            Old = old,
            New = updated,
            SpecChanged = true,
            Applications = [ProjectFixtures.Application("team-a", ProjectFixtures.Destination(InCluster, "production"), Manifests)],
        };

        var decision = ProjectDecider.Decide(request, PolicySnapshot.Empty);

        Assert.Equal((false, DecisionReasons.ProjectInUse), (decision.Allowed, decision.Reason));
        Assert.Equal("Argo CD refuses to update AppProject team-a: as a result of project update 1 applications source became invalid", decision.Message);
    }

    private static AppProject Project(string[] servers, string[] repos, string destinationNamespace = "production", string name = "production") =>
        ProjectFixtures.Project(
            spec =>
            {
                spec.SourceRepos = repos;
                spec.Destinations = [.. servers.Select(server => ProjectFixtures.Destination(server, destinationNamespace))];
            },
            name);
}
