using System.Text;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Registration;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Admission;

public sealed class WebhookConfigurationInstallerTests
{
    private static readonly IAdmissionWebhook[] Webhooks = [new DenyRedWidgetWebhook(), new ThrowingWebhook()];

    private static readonly WebhookInstallOptions Options = new()
    {
        ConfigurationName = "local",
        CaBundle = Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----"),
        BaseAddress = new Uri("https://127.0.0.1:8443/"),
        NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "team-a" } },
    };

    [Fact]
    public void BuildValidatingConfiguration_Webhooks_RegistersValidatingOnesWithRulesUrlAndCaBundle()
    {
        var configuration = WebhookConfigurationInstaller.BuildValidatingConfiguration(Webhooks, Options);

        Assert.Equal("local", configuration.Metadata.Name);
        var webhook = Assert.Single(configuration.Webhooks!);
        Assert.Equal("deny-red.webhooks.tollgate.dev", webhook.Name);
        Assert.Equal("https://127.0.0.1:8443/validate/deny-red", webhook.ClientConfig.Url);
        Assert.Equal(Options.CaBundle, webhook.ClientConfig.CaBundle);
        var rule = Assert.Single(webhook.Rules!);
        Assert.Equal(["CREATE", "UPDATE"], rule.Operations!);
        Assert.Equal(["test.tollgate.dev"], rule.ApiGroups!);
        Assert.Equal(["v1"], rule.ApiVersions!);
        Assert.Equal(["widgets"], rule.Resources!);
        Assert.Equal("Namespaced", rule.Scope);
        Assert.Equal("Fail", webhook.FailurePolicy);
        Assert.Equal("None", webhook.SideEffects);
        Assert.Equal(["v1"], webhook.AdmissionReviewVersions);
        Assert.Equal("team-a", webhook.NamespaceSelector!.MatchLabels!["kubernetes.io/metadata.name"]);
    }

    [Fact]
    public void BuildValidatingConfiguration_Service_PointsAtServicePath()
    {
        var options = Options with
        {
            BaseAddress = null,
            Service = new AdmissionregistrationV1ServiceReference { Namespace = "tollgate", Name = "webhooks", Port = 443 },
        };

        var webhook = Assert.Single(WebhookConfigurationInstaller.BuildValidatingConfiguration(Webhooks, options).Webhooks!);

        Assert.Null(webhook.ClientConfig.Url);
        Assert.Equal("tollgate", webhook.ClientConfig.Service!.Namespace);
        Assert.Equal("/validate/deny-red", webhook.ClientConfig.Service.Path);
    }
}
