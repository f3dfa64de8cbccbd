using System.Diagnostics;
using Tollgate.Testing;
using Xunit.Abstractions;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>
/// Argo CD's cluster Secrets, watched: a destination named by cluster name resolves through them, a cluster scoped to
/// the project is usable without being in its destinations, permitOnlyProjectScopedClusters, and a Secret whose config
/// is malformed is ignored as Argo CD ignores it. Each change applies without a restart.
/// </summary>
public sealed class ClusterSecretsTests(ControlPlaneFixture fixture, ITestOutputHelper output) : WebhookScenarioTest(fixture)
{
    [Fact]
    public async Task ClusterSecret_NamedDestinationAndScopedProject_ResolvedLiveAsArgoCd()
    {
        var named = NamedApplication("eu-app", "prod-eu");

        var unknown = await ApplyAsync(Users.Platform, named, "--dry-run=server");
        await ApplyAsAdminAsync(ClusterSecret("prod-eu", "https://prod-eu.example.com", project: "production", config: "{\"bearerToken\":\"token\"}"));
        var applied = Stopwatch.StartNew();
        var scoped = await RetryUntilAsync(() => ApplyAsync(Users.Platform, named, "--dry-run=server"), result => result.Succeeded);
        // Reported, not asserted (no timing thresholds): how long until the webhooks act on a new Secret, kubectl runs included.
        output.WriteLine($"cluster Secret in effect {applied.ElapsedMilliseconds} ms after kubectl apply returned");
        await ApplyAsAdminAsync(ClusterSecret("prod-eu", "https://prod-eu.example.com", project: "production", config: "{\"bearerToken\": 42}"));
        var malformed = await RetryUntilAsync(() => ApplyAsync(Users.Platform, named, "--dry-run=server"), result => !result.Succeeded);
        await ApplyAsAdminAsync(ClusterSecret("prod-eu", "https://prod-eu.example.com", project: "staging", config: "{}"));
        var otherProject = await RetryUntilAsync(
            () => ApplyAsync(Users.Platform, named, "--dry-run=server"),
            result => result.Stderr.Contains("do", StringComparison.Ordinal) && result.Stderr.Contains("not match any destination", StringComparison.Ordinal));

        Assert.False(unknown.Succeeded, unknown.ToString());
        Assert.Contains("application destination spec for eu-app is invalid: there are no clusters with this name: prod-eu", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(scoped.Succeeded, scoped.ToString());
        Assert.False(malformed.Succeeded, malformed.ToString());
        Assert.Contains("there are no clusters with this name: prod-eu", malformed.Stderr, StringComparison.Ordinal);
        Assert.False(otherProject.Succeeded, otherProject.ToString());
        Assert.Contains("destination server 'https://prod-eu.example.com' (name 'prod-eu'), namespace 'apps' does not match any destination allowed in project production", otherProject.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PermitOnlyProjectScopedClusters_InClusterRefusedScopedClusterAllowed()
    {
        await ApplyAsAdminAsync(ClusterSecret("prod-eu", "https://prod-eu.example.com", project: "production", config: "{}"));
        var project = Fixtures.ProductionProject(ArgoCd, Production).Replace("spec:\n", "spec:\n  permitOnlyProjectScopedClusters: true\n", StringComparison.Ordinal);
        // web-app's in-cluster destination would become invalid: Argo CD's project update refuses that, admins included.
        var invalidating = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: project);
        var deleted = await Plane.KubectlAsAdminAsync("delete", "application", "web-app", "-n", ArgoCd);
        var stored = await RetryUntilAsync(() => Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: project), result => result.Succeeded);
        var inCluster = Fixtures.WebApplication(ArgoCd, Production, name: "local-app");

        var refused = await RetryUntilAsync(() => ApplyAsync(Users.Platform, inCluster, "--dry-run=server"), result => !result.Succeeded);
        var allowed = await RetryUntilAsync(() => ApplyAsync(Users.Platform, NamedApplication("eu-app", "prod-eu"), "--dry-run=server"), result => result.Succeeded);

        Assert.False(invalidating.Succeeded, invalidating.ToString());
        Assert.Contains("as a result of project update 1 applications destination became invalid", invalidating.Stderr, StringComparison.Ordinal);
        Assert.True(deleted.Succeeded, deleted.ToString());
        Assert.True(stored.Succeeded, stored.ToString());
        Assert.False(refused.Succeeded, refused.ToString());
        Assert.Contains("sets permitOnlyProjectScopedClusters", refused.Stderr, StringComparison.Ordinal);
        Assert.True(allowed.Succeeded, allowed.ToString());
    }

    private string NamedApplication(string name, string cluster) =>
        Fixtures.WebApplication(ArgoCd, Production, name: name, destination: "apps")
            .Replace("server: https://kubernetes.default.svc", $"name: {cluster}", StringComparison.Ordinal);

    private string ClusterSecret(string name, string server, string project, string config) => $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: {name}
          namespace: {ArgoCd}
          labels:
            argocd.argoproj.io/secret-type: cluster
        type: Opaque
        stringData:
          name: {name}
          server: {server}
          project: {project}
          config: '{config}'
        """;
}
