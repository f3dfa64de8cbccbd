using Microsoft.Extensions.DependencyInjection;
using Tollgate.Rollouts.Metrics;
using Tollgate.Rollouts.Providers;
using Tollgate.Rollouts.Providers.Prometheus;
using Tollgate.Rollouts.Providers.Web;
using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Builder;

namespace Tollgate.Rollouts.Controllers;

public static class RolloutsServiceCollectionExtensions
{
    /// <summary>The Rollout and AnalysisRun controllers and what they use, on an operator from <c>AddKubernetesOperator</c>.</summary>
    public static IOperatorBuilder AddRolloutControllers(this IOperatorBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Options.AddJsonResolver(RolloutsJsonContext.Default);
        var services = builder.Services;
        services.AddSingleton<RolloutCaches>();
        services.AddSingleton<WorkloadGenerations>();
        services.AddSingleton<ReplicaSetSync>();
        services.AddSingleton<ServiceSync>();
        services.AddSingleton<TrafficRoutingSync>();
        services.AddSingleton<RolloutPods>();
        services.AddSingleton<PodTemplateDefaults>();
        services.AddSingleton<StepAnalysisRuns>();
        services.AddSingleton<ProviderHttpClients>();
        services.AddSingleton<IMetricProvider, PrometheusProvider>();
        services.AddSingleton<IMetricProvider, WebMetricProvider>();
        services.AddSingleton<MetricProviders>();
        services.AddSingleton<RolloutsMeter>();
        return builder
            .AddController<RolloutController, Rollout>()
            .Owns<Rollout, CachedReplicaSet>()
            .Owns<Rollout, AnalysisRun>()
            .AddController<AnalysisRunController, AnalysisRun>();
    }
}
