using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tollgate.Webhooks.Caches;

namespace Tollgate.Webhooks.Hosting;

/// <summary>Ready only when every cache a decision reads has its first list.</summary>
public sealed class AdmissionCachesHealthCheck(AdmissionCaches caches) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(caches.HasSynced
            ? HealthCheckResult.Healthy($"caches synced, {caches.Policy.ProjectCount} projects compiled")
            : HealthCheckResult.Unhealthy("caches not synced: " + string.Join(", ", caches.UnsyncedInformers)));
}
