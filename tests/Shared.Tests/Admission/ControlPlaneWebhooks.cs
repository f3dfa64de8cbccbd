using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Certificates;
using Tollgate.Shared.Admission.Registration;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>
/// Webhooks served over HTTPS on 127.0.0.1 and registered with the test control plane for one namespace only
/// (failurePolicy Fail, namespaceSelector on kubernetes.io/metadata.name), so other tests sharing the cluster are
/// unaffected. Disposing deletes the (cluster-scoped) configurations and stops the server.
/// </summary>
internal sealed class ControlPlaneWebhooks : IAsyncDisposable
{
    private readonly WebhookConfigurationInstaller installer;
    private readonly string directory;
    private int disposed;

    private ControlPlaneWebhooks(
        WebhookCertificateAuthority authority, string directory, HttpsAdmissionServer server, WebhookConfigurationInstaller installer, string configurationName)
    {
        Authority = authority;
        this.directory = directory;
        Server = server;
        this.installer = installer;
        ConfigurationName = configurationName;
    }

    public WebhookCertificateAuthority Authority { get; }

    public string CertificateDirectory => directory;

    public HttpsAdmissionServer Server { get; }

    public string ConfigurationName { get; }

    public static async Task<ControlPlaneWebhooks> StartAsync(
        KubernetesClient client, string @namespace, Action<AdmissionWebhookBuilder> webhooks, CancellationToken cancellationToken, TimeSpan? keepAliveTimeout = null)
    {
        var authority = WebhookCertificateAuthority.Create();
        var directory = Directory.CreateTempSubdirectory("tollgate-webhook-").FullName;
        await authority.IssueLocalServingCertificate().WriteAsync(directory, cancellationToken);
        var server = await HttpsAdmissionServer.StartAsync(directory, webhooks, keepAliveTimeout);
        var installer = new WebhookConfigurationInstaller(client, NullLogger<WebhookConfigurationInstaller>.Instance);
        var harness = new ControlPlaneWebhooks(authority, directory, server, installer, $"tollgate-test-{@namespace}");
        try
        {
            await installer.InstallAsync(
                server.Webhooks,
                new WebhookInstallOptions
                {
                    ConfigurationName = harness.ConfigurationName,
                    CaBundle = authority.CaBundle,
                    BaseAddress = server.BaseAddress,
                    FailurePolicy = "Fail",
                    NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = @namespace } },
                },
                cancellationToken);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await installer.UninstallAsync(ConfigurationName);
        }
        finally
        {
            await Server.DisposeAsync();
            Authority.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }
}
