using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Certificates;
using Tollgate.Shared.Admission.Registration;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Metrics;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Hosting;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Tests.Support;

/// <summary>
/// The real webhook server (the same composition as Program) on 127.0.0.1, registered with the test control plane for
/// the given namespaces only, like self-signed mode with --registration-kubeconfig. Disposing deletes the configuration
/// and stops the server.
/// </summary>
public sealed class RunningWebhooks : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly WebhookCertificateAuthority authority;
    private readonly ReloadingCertificate certificate;
    private readonly WebhookConfigurationInstaller installer;
    private readonly string directory;
    private bool stopped;

    private RunningWebhooks(WebApplication app, WebhookCertificateAuthority authority, ReloadingCertificate certificate, WebhookConfigurationInstaller installer, string directory, string configurationName)
    {
        this.app = app;
        this.authority = authority;
        this.certificate = certificate;
        this.installer = installer;
        this.directory = directory;
        ConfigurationName = configurationName;
    }

    public string ConfigurationName { get; }

    public Uri BaseAddress => WebhookHost.BaseAddress(app);

    public IServiceProvider Services => app.Services;

    public IReadOnlyList<IAdmissionWebhook> Registered => WebhookHost.Webhooks(app);

    public byte[] CaBundle => authority.CaBundle;

    public string ScrapeMetrics() => app.Services.GetRequiredService<PrometheusExporter>().Scrape();

    /// <param name="identity">Whom the server itself reads and writes Events as: the webhooks ServiceAccount, as in a cluster.</param>
    /// <param name="settingsConfigMap">The settings ConfigMap (<c>namespace/name</c>) watched for changes, as with --settings-configmap.</param>
    /// <param name="registration">Registers the configuration: a deploy-time step (config/webhook) the webhooks' role lacks.</param>
    public static async Task<RunningWebhooks> StartAsync(
        KubernetesClientConfiguration identity,
        IKubernetesClient registration,
        TollgateSettings settings,
        IReadOnlyList<string> namespaces,
        string configurationName,
        CancellationToken cancellationToken,
        string? settingsConfigMap = null)
    {
        var authority = WebhookCertificateAuthority.Create();
        var directory = Directory.CreateTempSubdirectory("tollgate-webhooks-test-").FullName;
        await authority.IssueLocalServingCertificate().WriteAsync(directory, cancellationToken);
        var certificate = new ReloadingCertificate(
            Path.Combine(directory, ServingCertificate.CertificateFileName),
            Path.Combine(directory, ServingCertificate.KeyFileName),
            NullLogger<ReloadingCertificate>.Instance);
        var app = WebhookHost.Build(
            new WebhookServerOptions { Port = 0, Loopback = true, SelfSigned = true, SettingsConfigMap = settingsConfigMap },
            identity,
            settings,
            certificate,
            logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync(cancellationToken);
        var installer = new WebhookConfigurationInstaller(registration, NullLogger<WebhookConfigurationInstaller>.Instance);
        var running = new RunningWebhooks(app, authority, certificate, installer, directory, configurationName);
        try
        {
            await app.Services.GetRequiredService<AdmissionCaches>().WaitForSyncAsync(cancellationToken);
            await installer.InstallAsync(
                WebhookHost.Webhooks(app),
                WebhookHost.InstallOptions(configurationName, running.BaseAddress, authority.CaBundle, WebhookHost.OnlyNamespaces(namespaces)),
                cancellationToken);
            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server but leaves the configuration registered: the API server can no longer reach it.</summary>
    public async Task StopServerAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await installer.UninstallAsync(ConfigurationName);
        }
        finally
        {
            try
            {
                await StopServerAsync();
                await app.DisposeAsync();
            }
            finally
            {
                certificate.Dispose();
                authority.Dispose();
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
