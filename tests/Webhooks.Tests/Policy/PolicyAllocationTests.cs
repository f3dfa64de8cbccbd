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

    [Fact]
    public void CheckApplication_PermittedSeedApplication_FormatsNoSentence()
    {
        var project = ProjectFixtures.CompiledSeedProject();
        var application = ProjectFixtures.SeedApplication();
        application.Spec.Project = "production";
        Assert.Empty(project.CheckApplication(application));

        IReadOnlyList<PolicyViolation>? violations = null;

        var allocated = AllocatedBy(() => violations = project.CheckApplication(application));

        // The empty violation list and the destination's resolution; each "is permitted by" sentence would be over 100 bytes more.
        Assert.Empty(violations!);
        Assert.InRange(allocated, 0, 96);
    }

    [Theory]
    [InlineData("""[{"kind":"deny","schedule":"* * * * *","duration":"1h","timeZone":"Europe/Paris","manualSync":true,"namespaces":["*"]}]""")]
    [InlineData("""[{"kind":"allow","schedule":"0 9 * * *","duration":"8h","namespaces":["*"],"manualSync":true},{"kind":"deny","schedule":"0 22 * * *","duration":"1h","applications":["other-*"]}]""")]
    public void CheckManualSync_WindowsThatLetTheSyncPass_AllocateNothing(string windows)
    {
        var compiled = SyncWindow.Compile(System.Text.Json.JsonDocument.Parse(windows).RootElement);
        var now = new DateTime(2026, 12, 2, 23, 30, 0, DateTimeKind.Utc);
        Assert.Null(SyncWindows.CheckManualSync(compiled, "web-app", ProjectFixtures.InClusterServer, null, "production", now));

        SyncWindowBlock? block = null;

        var allocated = AllocatedBy(() => block = SyncWindows.CheckManualSync(compiled, "web-app", ProjectFixtures.InClusterServer, null, "production", now));

        Assert.Null(block);
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
