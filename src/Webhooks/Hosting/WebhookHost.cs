using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Certificates;
using Tollgate.Shared.Admission.Registration;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Metrics;
using Tollgate.Shared.Operator;
using Tollgate.Shared.Operator.Builder;
using Tollgate.Shared.Operator.Health;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Handlers;
using Tollgate.Webhooks.Observability;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Hosting;

/// <summary>
/// Composes the webhook server: Kestrel HTTPS with the reloading certificate, the three webhooks, the no-op endpoint,
/// /metrics, /healthz and /readyz, and the informers behind them. Used by Program and by the tests alike.
/// </summary>
public static class WebhookHost
{
    public const string OperatorName = "tollgate-webhooks";

    public static WebApplication Build(
        WebhookServerOptions options,
        KubernetesClientConfiguration kubernetes,
        TollgateSettings settings,
        ReloadingCertificate certificate,
        Action<ILoggingBuilder>? logging = null,
        AdmissionCacheScope? cacheScope = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(certificate);
        var builder = WebApplication.CreateSlimBuilder();
        // Per-request hosting logs at Information would cost more than the decision itself.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = options.Loopback ? IPAddress.Loopback : IPAddress.Any;
            kestrel.Listen(address, options.Port, listen => listen.UseAdmissionHttps(certificate));
        });

        var services = builder.Services;
        services.AddSingleton(new LiveSettings(settings));
        services.AddSingleton(SettingsSource.FromReference(options.SettingsConfigMap));
        services.AddSingleton<IKubernetesClient>(_ => new KubernetesClient(
            kubernetes, ArgoCdJsonContext.Default, RolloutsJsonContext.Default, MetadataJsonContext.Default));
        services.AddKubernetesOperator(operatorOptions => operatorOptions.Name = OperatorName);
        services.TryAddSingleton(_ => new PrometheusExporter(WebhookMetrics.MeterName, AdmissionMetrics.MeterName, OperatorMeter.Name, "Tollgate.Kube"));
        services.AddPrometheusMetrics();
        services.AddSingleton(cacheScope ?? AdmissionCacheScope.All);
        services.AddSingleton<AdmissionCaches>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<SyncWindowMetrics>();
        services.AddSingleton<BreakGlassEvents>();
        services.AddHostedService(provider => provider.GetRequiredService<BreakGlassEvents>());
        services.AddSingleton(new DenialLogThrottle(DenialLogThrottle.DefaultWindow, TimeProvider.System));
        services.AddSingleton<DecisionResponder>();
        services.AddHealthChecks().AddCheck<AdmissionCachesHealthCheck>("admission-caches", tags: [OperatorHealthTags.Ready]);
        services.AddAdmissionWebhooks()
            .AddWebhook<GuardWebhook>()
            .AddWebhook<ApplicationWebhook>()
            .AddWebhook<RolloutValidationWebhook>();

        var app = builder.Build();

        // The exporter only sees measurements made after it starts listening, which is when it is first resolved.
        app.Services.GetRequiredService<PrometheusExporter>();
        app.MapAdmissionWebhooks();
        app.MapPrometheusMetrics();
        app.MapOperatorHealth();
        return app;
    }

    /// <summary>The settings from the <c>settings.yaml</c> key of a ConfigMap, read once at startup.</summary>
    /// <exception cref="FormatException">The ConfigMap or its key is missing, or the YAML is invalid.</exception>
    public static async Task<TollgateSettings> LoadSettingsAsync(KubernetesClientConfiguration kubernetes, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var parts = reference.Split('/');
        using var client = new KubernetesClient(kubernetes);
        var configMap = await client.GetAsync<V1ConfigMap>(parts[1], parts[0], cancellationToken)
            ?? throw new FormatException($"ConfigMap {reference} does not exist");
        return configMap.Data is { } data && data.TryGetValue(SettingsLoader.ConfigMapKey, out var yaml)
            ? SettingsLoader.Parse(yaml)
            : throw new FormatException($"ConfigMap {reference} has no {SettingsLoader.ConfigMapKey} key");
    }

    /// <summary>Watches the Argo Rollouts kinds only when their CRDs are installed (one discovery call at startup).</summary>
    public static async Task<AdmissionCacheScope> DiscoverScopeAsync(KubernetesClientConfiguration kubernetes, CancellationToken cancellationToken)
    {
        using var client = new KubernetesClient(kubernetes);
        try
        {
            await client.Discovery.ResolveKindAsync(Rollout.Resource.ApiVersion, Rollout.Resource.Kind, cancellationToken);
            return AdmissionCacheScope.All;
        }
        catch (KubernetesException)
        {
            return new AdmissionCacheScope(Rollouts: false);
        }
    }

    /// <summary>The address the server listens on, once started (for example https://127.0.0.1:40123).</summary>
    public static Uri BaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public static IReadOnlyList<IAdmissionWebhook> Webhooks(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetServices<IAdmissionWebhook>()];
    }

    /// <summary>
    /// Registration for local mode: failurePolicy Fail, timeout 5 s, matchPolicy Equivalent, and a namespace selector
    /// on kubernetes.io/metadata.name (1.21+ sets it; on 1.20 the namespaces must be labelled).
    /// </summary>
    public static WebhookInstallOptions InstallOptions(string configurationName, Uri baseAddress, byte[] caBundle, V1LabelSelector namespaceSelector) =>
        new()
        {
            ConfigurationName = configurationName,
            CaBundle = caBundle,
            BaseAddress = baseAddress,
            FailurePolicy = "Fail",
            MatchPolicy = "Equivalent",
            TimeoutSeconds = 5,
            NamespaceSelector = namespaceSelector,
        };

    public static V1LabelSelector ExcludingNamespaces(IEnumerable<string> namespaces) =>
        new()
        {
            MatchExpressions =
            [
                new V1LabelSelectorRequirement { Key = "kubernetes.io/metadata.name", Operator = "NotIn", Values = [.. namespaces] },
            ],
        };

    public static V1LabelSelector OnlyNamespaces(IEnumerable<string> namespaces) =>
        new()
        {
            MatchExpressions =
            [
                new V1LabelSelectorRequirement { Key = "kubernetes.io/metadata.name", Operator = "In", Values = [.. namespaces] },
            ],
        };
}
