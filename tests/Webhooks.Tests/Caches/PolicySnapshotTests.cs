using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Caches;

public sealed class PolicySnapshotTests
{
    private const string Production = """
        {"metadata":{"name":"production","resourceVersion":"1"},"spec":{
          "destinations":[{"namespace":"production","server":"https://kubernetes.default.svc"},{"namespace":"production-*","server":"https://kubernetes.default.svc"}],
          "namespaceResourceWhitelist":[{"group":"apps","kind":"Deployment"},{"group":"","kind":"Service"}]}}
        """;

    private const string Tools = """
        {"metadata":{"name":"tools","resourceVersion":"1"},"spec":{
          "destinations":[{"namespace":"production","server":"https://kubernetes.default.svc"}],
          "namespaceResourceWhitelist":[{"group":"","kind":"ConfigMap"}]}}
        """;

    private const string AllowAll = """
        {"metadata":{"name":"default","resourceVersion":"1"},"spec":{
          "sourceRepos":["*"],"destinations":[{"namespace":"*","server":"*"}],"clusterResourceWhitelist":[{"group":"*","kind":"*"}]}}
        """;

    [Theory]
    [InlineData("production", "", "ConfigMap", null, false)]
    [InlineData("production", "apps", "Deployment", null, true)]
    [InlineData("production-eu", "", "Service", null, true)]
    [InlineData("production-eu", "", "Secret", null, false)]
    [InlineData("staging", "", "Secret", null, null)]
    [InlineData("production", "", "ConfigMap", "production", false)]
    [InlineData("production", "", "Secret", "default", true)]
    public void CheckNamespacedResource_ClaimingProjects_Verdict(string @namespace, string group, string kind, string? trackedProject, bool? allowed)
    {
        var snapshot = Snapshot(Production, AllowAll);

        var decision = snapshot.CheckNamespacedResource(@namespace, group, kind, trackedProject);

        Assert.Equal(allowed, decision?.Allowed);
    }

    [Fact]
    public void CheckNamespacedResource_TwoProjectsClaimNamespace_OnePermittingIsEnough()
    {
        var snapshot = Snapshot(Production, Tools);

        Assert.True(snapshot.CheckNamespacedResource("production", "", "ConfigMap", null)!.Allowed);
        Assert.True(snapshot.CheckNamespacedResource("production", "apps", "Deployment", null)!.Allowed);
        Assert.False(snapshot.CheckNamespacedResource("production", "", "Secret", null)!.Allowed);
    }

    [Fact]
    public void Project_EmptyName_DefaultProject()
    {
        var snapshot = Snapshot(AllowAll);

        Assert.Equal("default", snapshot.Project("")!.Name);
        Assert.Null(snapshot.Project("missing"));
    }

    [Fact]
    public void With_ProjectReadLive_AddedBesideTheCachedOnesWithoutChangingThem()
    {
        var cached = Snapshot(Production);

        var widened = cached.With(JsonSerializer.Deserialize(Tools, ArgoCdJsonContext.Default.AppProject)!);

        Assert.Null(cached.Project("tools"));
        Assert.NotNull(widened.Project("tools"));
        Assert.NotNull(widened.Project("production"));
        Assert.Equal(1, cached.ProjectCount);
        Assert.Equal(2, widened.ProjectCount);
    }

    private static PolicySnapshot Snapshot(params string[] projects) =>
        new(
            projects.Select(json => JsonSerializer.Deserialize(json, ArgoCdJsonContext.Default.AppProject)!)
                .ToDictionary(p => p.Metadata.Name!, PolicySnapshot.Compile),
            RbacPolicy.Empty);
}
