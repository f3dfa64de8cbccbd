using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tollgate.Shared.Operator.Health;

/// <summary>Liveness: healthy while the process can answer at all; a restart would not fix anything else.</summary>
public sealed class LivenessHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy("running"));
}
