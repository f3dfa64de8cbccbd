using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>Compiled policies are consulted on every admission request, so the hot decisions must not allocate.</summary>
public sealed class PolicyAllocationTests
{
    [Theory]
    [InlineData("https://gitlab.com/{group,team}/**/*-manifests", '/', "https://gitlab.com/team/a/b/c/k8s-manifests")]
    [InlineData("production-*", null, "production-eu-west-1")]
    [InlineData("*a*a*a*a*b", null, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac")]
    public void GlobIsMatch_AfterCompile_AllocatesNothing(string pattern, char? separator, string value)
    {
        var glob = GlobPattern.Compile(pattern, GlobDialect.Extended, separator);
        var expected = glob.IsMatch(value);
        var matched = !expected;

        var allocated = AllocatedBy(() => matched = glob.IsMatch(value));

        Assert.Equal(expected, matched);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void DestinationAndResourceDecisions_AfterCompile_AllocateNothing()
    {
        var project = ProjectFixtures.CompiledSeedProject();
        Assert.True(project.IsDestinationPermitted(ProjectFixtures.InClusterServer, "in-cluster", "production-eu"));
        Assert.True(project.IsResourcePermitted("apps", "Deployment", namespaced: true));

        var allocated = AllocatedBy(() =>
        {
            Assert.True(project.IsDestinationPermitted(ProjectFixtures.InClusterServer, "in-cluster", "production-eu"));
            Assert.False(project.IsDestinationPermitted(ProjectFixtures.InClusterServer, "in-cluster", "kube-system"));
            Assert.True(project.IsResourcePermitted("apps", "Deployment", namespaced: true));
            Assert.False(project.IsResourcePermitted("rbac.authorization.k8s.io", "ClusterRole", namespaced: false));
        });

        Assert.Equal(0, allocated);
    }

    private static long AllocatedBy(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
