using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tollgate.Shared.Admission;

public static class AdmissionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves every registered webhook at its path (POST only; other methods get 405) and the no-op endpoint.
    /// Throws at startup on a name that is not a DNS label or on two webhooks with one name or path.
    /// </summary>
    public static RouteGroupBuilder MapAdmissionWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var processor = services.GetRequiredService<AdmissionRequestProcessor>();
        var options = services.GetRequiredService<IOptions<AdmissionWebhookOptions>>().Value;
        var webhooks = services.GetServices<IAdmissionWebhook>().ToList();
        AdmissionWebhookNames.EnsureValid(webhooks);

        var served = new List<IAdmissionWebhook>(webhooks);
        if (options.NoopPath is { } noopPath)
        {
            served.Add(new NoopWebhook(noopPath));
        }

        var group = endpoints.MapGroup("");
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var webhook in served)
        {
            if (!webhook.Path.StartsWith('/') || !paths.Add(webhook.Path))
            {
                throw new InvalidOperationException($"webhook {webhook.Name}: path \"{webhook.Path}\" must start with '/' and be unique");
            }

            group.MapPost(webhook.Path, (RequestDelegate)(context => processor.ProcessAsync(context, webhook)))
                .WithDisplayName($"admission webhook {webhook.Name}");
        }

        return group;
    }
}
