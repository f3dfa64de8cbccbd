using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Logging;
using Tollgate.Shared.Admission.Certificates;
using Tollgate.Shared.Admission.Registration;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Hosting;
using Tollgate.Webhooks.Observability;
using Tollgate.Webhooks.Settings;

WebhookServerOptions options;
try
{
    options = CommandLine.Parse(args, Environment.GetEnvironmentVariable);
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync($"{e.Message}\n\n{CommandLine.Usage}");
    return 2;
}

KubernetesClientConfiguration kubernetes;
TollgateSettings settings;
try
{
    kubernetes = options.Kubeconfig is { } kubeconfig
        ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)
        : KubernetesClientConfiguration.BuildDefaultConfig();
    settings = (options.SettingsFile, options.SettingsConfigMap) switch
    {
        ({ } file, _) => SettingsLoader.Load(file),
        (_, { } configMap) => await WebhookHost.LoadSettingsAsync(kubernetes, configMap, CancellationToken.None),
        _ => TollgateSettings.Default,
    };
}
catch (Exception e) when (e is KubeConfigException or KubernetesException or FormatException or IOException)
{
    // Startup errors are one line and a non-zero exit, never a stack trace.
    await Console.Error.WriteLineAsync($"tollgate-webhooks: {OneLine.Of(e.Message)}");
    return 1;
}

using var authority = options.SelfSigned ? WebhookCertificateAuthority.Create() : null;
var certificateDirectory = options.CertificateDirectory;
if (authority is not null)
{
    certificateDirectory = Directory.CreateTempSubdirectory("tollgate-webhooks-").FullName;
    await authority.IssueLocalServingCertificate().WriteAsync(certificateDirectory);
}

using var loggerFactory = LoggerFactory.Create(logging => logging.AddTollgateConsole());
using var certificate = new ReloadingCertificate(
    Path.Combine(certificateDirectory!, ServingCertificate.CertificateFileName),
    Path.Combine(certificateDirectory!, ServingCertificate.KeyFileName),
    loggerFactory.CreateLogger<ReloadingCertificate>());

AdmissionCacheScope scope;
try
{
    scope = await WebhookHost.DiscoverScopeAsync(kubernetes, CancellationToken.None);
}
catch (Exception e) when (e is KubeConfigException or KubernetesException)
{
    await Console.Error.WriteLineAsync($"tollgate-webhooks: {OneLine.Of(e.Message)}");
    return 1;
}

await using var app = WebhookHost.Build(
    options, kubernetes, settings, certificate, logging => logging.AddTollgateConsole(), scope);
try
{
    await app.StartAsync();
}
catch (IOException e)
{
    await Console.Error.WriteLineAsync($"tollgate-webhooks: {OneLine.Of(e.Message)}");
    return 1;
}
var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tollgate.Webhooks");
var lifetime = app.Lifetime.ApplicationStopping;
var exitCode = 0;
var registered = false;
// Registering is a deploy-time right (config/webhook in a cluster) that the webhooks' own identity lacks, so self-signed
// mode can write the configuration as someone else while every read and Event stays with --kubeconfig.
KubernetesClient? registrationClient;
try
{
    registrationClient = options.RegistrationKubeconfig is { } registrationKubeconfig
        ? new KubernetesClient(KubernetesClientConfiguration.BuildConfigFromConfigFile(registrationKubeconfig))
        : null;
}
catch (KubeConfigException e)
{
    await Console.Error.WriteLineAsync($"tollgate-webhooks: {OneLine.Of(e.Message)}");
    return 1;
}

using var disposeRegistrationClient = registrationClient;
var installer = registrationClient is null
    ? app.Services.GetRequiredService<WebhookConfigurationInstaller>()
    : new WebhookConfigurationInstaller(registrationClient, app.Services.GetRequiredService<ILogger<WebhookConfigurationInstaller>>());
try
{
    if (authority is not null)
    {
        await app.Services.GetRequiredService<AdmissionCaches>().WaitForSyncAsync(lifetime);
        var baseAddress = WebhookHost.BaseAddress(app);
        try
        {
            await installer.InstallAsync(
                WebhookHost.Webhooks(app),
                WebhookHost.InstallOptions(options.ConfigurationName, baseAddress, authority.CaBundle, WebhookHost.ExcludingNamespaces(options.ExcludedNamespaces)),
                lifetime);
        }
        catch (KubernetesException e)
        {
            logger.RegistrationFailed(options.ConfigurationName, e.Message);
            exitCode = 1;
            return exitCode;
        }

        registered = true;
        logger.Registered(options.ConfigurationName, baseAddress.ToString());
    }

    await app.WaitForShutdownAsync();
}
catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
{
}
finally
{
    if (authority is not null)
    {
        // A Fail webhook pointing at a stopped local server would refuse every write outside the excluded namespaces.
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            if (registered)
            {
                await installer.UninstallAsync(options.ConfigurationName, cleanup.Token);
            }
        }
        catch (Exception e) when (e is KubernetesException or HttpRequestException or OperationCanceledException)
        {
            // Logged, not thrown: an exception here would hide why the server stopped.
            logger.UnregistrationFailed(options.ConfigurationName, e.Message);
            exitCode = 1;
        }

        Directory.Delete(certificateDirectory!, recursive: true);
    }
}

return exitCode;
