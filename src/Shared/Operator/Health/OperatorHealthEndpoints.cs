using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tollgate.Shared.Operator.Health;

public static class OperatorHealthEndpoints
{
    /// <summary>
    /// Maps <c>/healthz</c> (checks tagged <c>live</c>) and <c>/readyz</c> (tagged <c>ready</c>) as Kubernetes probes
    /// expect: plain text "ok" with 200, or 503 with one failing check per line.
    /// </summary>
    public static IEndpointRouteBuilder MapOperatorHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", Probe(OperatorHealthTags.Live));
        endpoints.MapHealthChecks("/readyz", Probe(OperatorHealthTags.Ready));
        return endpoints;
    }

    private static HealthCheckOptions Probe(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = WritePlainTextAsync,
    };

    private static Task WritePlainTextAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsync("ok", context.RequestAborted);
        }

        var text = new StringBuilder();
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            text.Append(name).Append(": ").Append(entry.Description ?? entry.Status.ToString()).Append('\n');
        }

        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
