using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Operator.LeaderElection;

namespace Tollgate.Shared.Operator.Health;

/// <summary>Readiness: every informer synced and, with leader election, the elector running.</summary>
public sealed class OperatorReadinessHealthCheck(SharedInformerFactory informers, LeaderElector? elector = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = ReadinessReport.Evaluate(
            informers.Informers.Select(i => (i.Description, i.HasSynced)), elector is not null, elector?.IsRunning == true);
        return Task.FromResult(report.IsReady
            ? HealthCheckResult.Healthy(elector is null ? "ready" : elector.IsLeader ? "ready, leading" : "ready, standing by")
            : HealthCheckResult.Unhealthy(string.Join("; ", report.Reasons)));
    }
}
