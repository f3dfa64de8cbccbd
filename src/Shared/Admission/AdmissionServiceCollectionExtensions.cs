using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tollgate.Shared.Admission.Registration;

namespace Tollgate.Shared.Admission;

public static class AdmissionServiceCollectionExtensions
{
    /// <summary>
    /// The admission server's services; add webhooks to the returned builder and serve them with
    /// <see cref="AdmissionEndpointRouteBuilderExtensions.MapAdmissionWebhooks"/>.
    /// </summary>
    public static AdmissionWebhookBuilder AddAdmissionWebhooks(this IServiceCollection services, Action<AdmissionWebhookOptions>? configure = null)
    {
        var options = services.AddOptions<AdmissionWebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton<AdmissionMetrics>();
        services.TryAddSingleton<AdmissionRequestProcessor>();
        services.TryAddSingleton<WebhookConfigurationInstaller>();
        return new AdmissionWebhookBuilder(services);
    }
}
