using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Shared.Tests.Kube;

public sealed class IdentityTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    [Fact]
    public async Task MintedUser_WithoutBinding_IsDeniedByRbacNamingTheUser()
    {
        var alice = await Plane.MintUserAsync("alice", ["dev-team"]);
        using var client = new KubernetesClient(alice.Configuration);

        var error = await Assert.ThrowsAsync<KubernetesException>(() => client.ListAsync<V1ConfigMap>(Namespace));

        Assert.True(error.IsForbidden);
        Assert.Contains("User \"alice\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MintedUser_GroupBoundToEdit_IsAllowedOnlyWhereBound()
    {
        var group = $"dev-team-{Namespace}";
        await Client.CreateAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "dev-team-edit", Namespace = Namespace },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "edit" },
            Subjects = [new Rbacv1Subject { Kind = "Group", ApiGroup = "rbac.authorization.k8s.io", Name = group }],
        });
        var bob = await Plane.MintUserAsync("bob", [group]);
        using var client = new KubernetesClient(bob.Configuration);

        var here = await Review(client, Namespace);
        var elsewhere = await Review(client, "default");

        Assert.True(here.Status!.Allowed, here.Status.Reason);
        Assert.False(elsewhere.Status!.Allowed);
        var kubectl = await Plane.KubectlAsync(bob, "auth", "can-i", "create", "deployments", "-n", Namespace);
        Assert.Equal("yes", kubectl.Stdout.Trim());
    }

    [Fact]
    public async Task MintUser_ThroughCertificateSigningRequestApi_YieldsWorkingIdentity()
    {
        var certificate = await new CsrUserIssuer(Client).IssueAsync("carol", ["qa"]);
        var path = Path.Combine(Plane.WorkDirectory, $"kubeconfig-carol-{Namespace}");
        await File.WriteAllTextAsync(path, KubeconfigWriter.ForClientCertificate(Plane.ApiServer, Plane.CaCertificatePem!, certificate, "carol"));
        var carol = await Plane.Kubectl.RunAsync(path, ["get", "configmaps", "-n", Namespace]);

        Assert.False(carol.Succeeded);
        Assert.Contains("User \"carol\"", carol.Stderr, StringComparison.Ordinal);
    }

    private static Task<V1SelfSubjectAccessReview> Review(KubernetesClient client, string @namespace) =>
        client.CreateAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes { Namespace = @namespace, Verb = "create", Group = "apps", Resource = "deployments" },
            },
        });
}
