using Tollgate.Shared.Kube;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Kube;

public sealed class DiscoveryTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    public static TheoryData<string, string, string, bool> Kinds => new()
    {
        { "apps/v1", "Deployment", "deployments", true },
        { "v1", "Namespace", "namespaces", false },
        { "v1", "ConfigMap", "configmaps", true },
        { "rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false },
        { "test.tollgate.dev/v1", "Widget", "widgets", true },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ResolveKind_KnownKind_ReturnsPluralAndScope(string apiVersion, string kind, string plural, bool namespaced)
    {
        var resource = await Client.Discovery.ResolveKindAsync(apiVersion, kind);

        Assert.Equal(plural, resource.Plural);
        Assert.Equal(namespaced, resource.Namespaced);
        Assert.Equal(apiVersion, resource.ApiVersion);
    }

    [Fact]
    public async Task ResolveKind_UnknownKind_ThrowsNaming()
    {
        var error = await Assert.ThrowsAsync<KubernetesException>(() => Client.Discovery.ResolveKindAsync("apps/v1", "Gizmo"));

        Assert.Contains("Gizmo", error.Message, StringComparison.Ordinal);
    }
}
