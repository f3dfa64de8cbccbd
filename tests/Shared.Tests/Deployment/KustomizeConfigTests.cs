using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Tests.Support;
using Tollgate.Shared.Yaml;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Deployment;

/// <summary>config/ renders with the real kubectl's kustomize and the API server accepts every object it renders.</summary>
public sealed class KustomizeConfigTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    private static string Config(string overlay) => Path.Combine(RepositoryRoot.Find(), "config", overlay);

    [Fact]
    public async Task Default_RenderedAndAppliedWithServerDryRun_IsAcceptedWhole()
    {
        var rendered = await Plane.KubectlAsAdminAsync("kustomize", Config("default"));
        Assert.True(rendered.Succeeded, rendered.ToString());
        var kinds = YamlJson.ParseDocuments(rendered.Stdout).Select(d => d["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("CustomResourceDefinition", kinds);
        Assert.Contains("ValidatingWebhookConfiguration", kinds);
        Assert.Equal(2, kinds.Count(k => k == "Deployment"));
        Assert.Equal(2, kinds.Count(k => k == "ServiceAccount"));

        // A server-side dry run does not create the namespace the other objects need, so it must exist.
        await EnsureNamespaceAsync("tollgate-system");
        var file = Path.Combine(Plane.WorkDirectory, $"default-{Namespace}.yaml");
        await File.WriteAllTextAsync(file, rendered.Stdout);
        var applied = await Plane.KubectlAsAdminAsync("apply", "--dry-run=server", "-f", file);

        Assert.True(applied.Succeeded, applied.ToString());
        Assert.Contains("deployment.apps/tollgate-webhooks created (server dry run)", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("validatingwebhookconfiguration.admissionregistration.k8s.io/tollgate-webhooks created (server dry run)", applied.Stdout, StringComparison.Ordinal);
        Assert.Null(await Client.GetAsync<V1Deployment>("tollgate-webhooks", "tollgate-system"));
    }

    [Theory]
    [InlineData("prometheus", "ServiceMonitor")]
    [InlineData("certmanager", "Certificate")]
    [InlineData("rbac", "ClusterRole")]
    public async Task OptionalOverlay_Rendered_ContainsItsKind(string overlay, string kind)
    {
        var rendered = await Plane.KubectlAsAdminAsync("kustomize", Config(overlay));

        Assert.True(rendered.Succeeded, rendered.ToString());
        Assert.Contains(YamlJson.ParseDocuments(rendered.Stdout), d => d["kind"]!.GetValue<string>() == kind);
    }

    [Fact]
    public async Task Manager_Deployments_RunNonRootReadOnlyWithoutEscalation()
    {
        var rendered = await Plane.KubectlAsAdminAsync("kustomize", Config("manager"));
        Assert.True(rendered.Succeeded, rendered.ToString());

        var deployments = YamlJson.ParseDocuments(rendered.Stdout).Where(d => d["kind"]!.GetValue<string>() == "Deployment").ToList();

        Assert.Equal(2, deployments.Count);
        Assert.All(deployments, d =>
        {
            var pod = d["spec"]!["template"]!["spec"]!;
            Assert.True(pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
            var container = pod["containers"]![0]!;
            Assert.False(container["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>());
            Assert.True(container["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>());
            Assert.NotNull(container["resources"]!["limits"]);
            Assert.NotNull(container["readinessProbe"]);
            Assert.Equal(2L, d["spec"]!["replicas"]!.GetValue<long>());
        });
    }

    private async Task EnsureNamespaceAsync(string name)
    {
        try
        {
            await Client.CreateAsync(new V1Namespace
            {
                Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = name } },
            });
        }
        catch (KubernetesException e) when (e.IsAlreadyExists)
        {
        }
    }
}
