using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;
using Tollgate.Shared.Yaml;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;
using Tollgate.Webhooks.Handlers;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>config/webhook: rendered by the real kubectl kustomize and accepted by the real API server.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class ShippedConfigurationTests(ControlPlaneFixture fixture)
{
    private static string WebhookDirectory => Path.Combine(RepositoryRoot.Find(), "config", "webhook");

    [Fact]
    public async Task KubectlKustomize_ConfigWebhook_ServerDryRunAccepts()
    {
        var plane = fixture.Plane;
        var rendered = await plane.KubectlAsAdminAsync("kustomize", WebhookDirectory);
        Assert.True(rendered.Succeeded, rendered.ToString());
        var created = await plane.KubectlAsAdminAsync("create", "namespace", "tollgate-system");
        try
        {
            var applied = await plane.Kubectl.RunAsync(plane.AdminKubeconfigPath, ["apply", "--dry-run=server", "-f", "-"], stdin: rendered.Stdout);

            Assert.True(applied.Succeeded, applied.ToString());
            Assert.Contains("validatingwebhookconfiguration.admissionregistration.k8s.io/tollgate-webhooks created (server dry run)", applied.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (created.Succeeded)
            {
                await plane.KubectlAsAdminAsync("delete", "namespace", "tollgate-system", "--wait=false");
            }
        }
    }

    [Fact]
    public async Task KubectlKustomize_ConfigWebhook_MatchesTheIssuesRequirementsAndTheServersRules()
    {
        var rendered = await fixture.Plane.KubectlAsAdminAsync("kustomize", WebhookDirectory);
        var configuration = YamlJson.ParseDocuments(rendered.Stdout).Single(d => d["kind"]!.GetValue<string>() == "ValidatingWebhookConfiguration")
            .Deserialize(KubernetesJsonContext.Default.V1ValidatingWebhookConfiguration)!;

        var webhooks = configuration.Webhooks!.ToDictionary(w => w.Name);
        Assert.Equal(["applications.webhooks.tollgate.dev", "guard.webhooks.tollgate.dev", "rollouts.webhooks.tollgate.dev"], webhooks.Keys.Order(StringComparer.Ordinal));
        foreach (var webhook in webhooks.Values)
        {
            Assert.Equal("Fail", webhook.FailurePolicy);
            Assert.True(webhook.TimeoutSeconds <= 5);
            Assert.Equal("NoneOnDryRun", webhook.SideEffects);
            Assert.Equal(["v1"], webhook.AdmissionReviewVersions);
            Assert.Equal("Equivalent", webhook.MatchPolicy);
            var exclusion = Assert.Single(webhook.NamespaceSelector!.MatchExpressions!);
            Assert.Equal(("kubernetes.io/metadata.name", "NotIn"), (exclusion.Key, exclusion.Operator));
            Assert.Equal(["kube-system", "tollgate-system"], exclusion.Values);
        }

        AssertSameRules(WebhookRules.Guard, webhooks["guard.webhooks.tollgate.dev"].Rules!);
        AssertSameRules(WebhookRules.Applications, webhooks["applications.webhooks.tollgate.dev"].Rules!);
        AssertSameRules(WebhookRules.Rollouts, webhooks["rollouts.webhooks.tollgate.dev"].Rules!);
        Assert.Equal("/validate/guard", webhooks["guard.webhooks.tollgate.dev"].ClientConfig!.Service!.Path);
    }

    [Fact]
    public async Task SeedManifests_ServerDryRun_AcceptedUnchanged()
    {
        var plane = fixture.Plane;
        var created = await plane.KubectlAsAdminAsync("create", "namespace", "argocd");
        try
        {
            var project = await plane.Kubectl.RunAsync(plane.AdminKubeconfigPath, ["apply", "--dry-run=server", "-f", "-"], stdin: Policy.SeedManifests.AppProjectJson);
            var application = await plane.Kubectl.RunAsync(plane.AdminKubeconfigPath, ["apply", "--dry-run=server", "-f", "-"], stdin: Policy.SeedManifests.ApplicationJson);

            Assert.True(project.Succeeded, project.ToString());
            Assert.True(application.Succeeded, application.ToString());
        }
        finally
        {
            if (created.Succeeded)
            {
                await plane.KubectlAsAdminAsync("delete", "namespace", "argocd", "--wait=false");
            }
        }
    }

    private static void AssertSameRules(IEnumerable<V1RuleWithOperations> expected, IEnumerable<V1RuleWithOperations> actual) =>
        Assert.Equal(Serialize(expected), Serialize(actual));

    private static string Serialize(IEnumerable<V1RuleWithOperations> rules) =>
        new JsonArray([.. rules.Select(r => JsonSerializer.SerializeToNode(r, KubernetesJsonContext.Default.V1RuleWithOperations))]).ToJsonString();
}
