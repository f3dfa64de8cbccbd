using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tollgate.Shared.Metrics;

public static class MetricsEndpointExtensions
{
    /// <summary>Registers the exporter for the "Tollgate" meters (it starts listening when first resolved).</summary>
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => new PrometheusExporter());
        return services;
    }

    /// <summary>Serves the Prometheus text exposition at <paramref name="pattern"/> (default /metrics).</summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics") =>
        endpoints.MapGet(pattern, (PrometheusExporter exporter) => Results.Text(exporter.Scrape(), PrometheusExporter.ContentType));
}
