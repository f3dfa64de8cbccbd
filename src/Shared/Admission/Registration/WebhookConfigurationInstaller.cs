using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Admission.Registration;

/// <summary>
/// Registers webhooks with the API server: one ValidatingWebhookConfiguration
/// named <see cref="WebhookInstallOptions.ConfigurationName"/>, written by server-side apply so that re-installing
/// with fewer webhooks removes the others. A configuration left with no webhooks is deleted.
/// </summary>
public sealed class WebhookConfigurationInstaller(IKubernetesClient client, ILogger<WebhookConfigurationInstaller> logger)
{
    public async Task InstallAsync(IEnumerable<IAdmissionWebhook> webhooks, WebhookInstallOptions options, CancellationToken cancellationToken = default)
    {
        var registered = webhooks.Where(w => w.Rules.Count > 0).ToList();
        AdmissionWebhookNames.EnsureValid(registered);
        await UpsertAsync(BuildValidatingConfiguration(registered, options), options, KubernetesJsonContext.Default.V1ValidatingWebhookConfiguration, c => c.Webhooks?.Count ?? 0, cancellationToken);
    }

    /// <summary>Deletes the configuration; a missing one is fine.</summary>
    public async Task UninstallAsync(string configurationName, CancellationToken cancellationToken = default)
    {
        if (await client.DeleteAsync<V1ValidatingWebhookConfiguration>(configurationName, cancellationToken: cancellationToken))
        {
            logger.ConfigurationDeleted(V1ValidatingWebhookConfiguration.Resource.Kind, configurationName);
        }
    }

    public static V1ValidatingWebhookConfiguration BuildValidatingConfiguration(IEnumerable<IAdmissionWebhook> webhooks, WebhookInstallOptions options) =>
        new()
        {
            Metadata = new V1ObjectMeta { Name = options.ConfigurationName },
            Webhooks =
            [
                .. webhooks.Where(w => w.Rules.Count > 0).Select(w => new V1ValidatingWebhook
                {
                    Name = QualifiedName(w, options),
                    ClientConfig = ClientConfig(w, options),
                    Rules = [.. w.Rules],
                    FailurePolicy = options.FailurePolicy,
                    MatchPolicy = options.MatchPolicy,
                    NamespaceSelector = options.NamespaceSelector,
                    ObjectSelector = options.ObjectSelector,
                    SideEffects = w.SideEffects,
                    TimeoutSeconds = options.TimeoutSeconds,
                    AdmissionReviewVersions = ["v1"],
                }),
            ],
        };

    private static string QualifiedName(IAdmissionWebhook webhook, WebhookInstallOptions options) => $"{webhook.Name}.{options.NameSuffix}";

    private static AdmissionregistrationV1WebhookClientConfig ClientConfig(IAdmissionWebhook webhook, WebhookInstallOptions options)
    {
        if ((options.BaseAddress is null) == (options.Service is null))
        {
            throw new ArgumentException("set exactly one of BaseAddress and Service", nameof(options));
        }

        return options.BaseAddress is { } baseAddress
            ? new AdmissionregistrationV1WebhookClientConfig { Url = baseAddress.ToString().TrimEnd('/') + webhook.Path, CaBundle = options.CaBundle }
            : new AdmissionregistrationV1WebhookClientConfig
            {
                Service = new AdmissionregistrationV1ServiceReference
                {
                    Namespace = options.Service!.Namespace,
                    Name = options.Service.Name,
                    Port = options.Service.Port,
                    Path = webhook.Path,
                },
                CaBundle = options.CaBundle,
            };
    }

    private async Task UpsertAsync<T>(
        T configuration, WebhookInstallOptions options, JsonTypeInfo<T> type, Func<T, int> count, CancellationToken cancellationToken)
        where T : class, IKubernetesResource<T>
    {
        var name = options.ConfigurationName;
        if (count(configuration) == 0)
        {
            if (await client.DeleteAsync<T>(name, cancellationToken: cancellationToken))
            {
                logger.ConfigurationDeleted(T.Resource.Kind, name);
            }

            return;
        }

        var intent = JsonSerializer.SerializeToNode(configuration, type)!;
        await client.PatchAsync<T>(name, null, KubernetesPatch.Apply(intent), new WriteOptions { FieldManager = options.FieldManager, Force = true }, cancellationToken);
        logger.ConfigurationApplied(T.Resource.Kind, name, count(configuration));
    }
}
