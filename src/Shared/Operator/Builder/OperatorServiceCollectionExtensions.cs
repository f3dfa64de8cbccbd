using System.Diagnostics.Metrics;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Operator.Events;
using Tollgate.Shared.Operator.Health;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Operator.LeaderElection;
using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Operator.Builder;

public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the operator runtime on the generic host: the Kubernetes client (from
    /// <see cref="OperatorOptions.ClientConfiguration"/>, else the default kubeconfig or in-cluster configuration,
    /// unless an <see cref="IKubernetesClient"/> is already registered), the shared informer
    /// factory, an event recorder, metrics, health checks, optional leader election and the hosted service that runs the
    /// controllers added through the returned builder. With leader election the client gets a
    /// <see cref="LeaderWriteFence"/>: no write but the Lease's own leaves a replica that is not a leader within its
    /// renew deadline. JSON contexts for custom kinds come from
    /// <see cref="OperatorOptions.AddJsonResolver"/> or from <see cref="IJsonTypeInfoResolver"/> services.
    /// </summary>
    public static IOperatorBuilder AddKubernetesOperator(this IServiceCollection services, Action<OperatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(s => s.ServiceType == typeof(OperatorOptions)))
        {
            throw new InvalidOperationException("AddKubernetesOperator was already called");
        }

        var options = new OperatorOptions();
        configure?.Invoke(options);
        if (options.WorkerCount < 1)
        {
            throw new ArgumentException($"WorkerCount must be at least 1, not {options.WorkerCount}", nameof(configure));
        }

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton<IKubernetesClient>(sp => new KubernetesClient(
            options.ClientConfiguration ?? KubernetesClientConfiguration.BuildDefaultConfig(), [.. Resolvers(sp)]));
        services.TryAddSingleton(sp => new SharedInformerFactory(
            sp.GetRequiredService<IKubernetesClient>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>(), options.WatchTimeoutSeconds));
        services.TryAddSingleton(sp => new WorkQueueMetrics(OperatorMeterOf(sp)));
        services.TryAddSingleton(sp => new ReconcileMetrics(OperatorMeterOf(sp)));
        services.TryAddSingleton<IEventRecorder>(sp => new EventRecorder(
            sp.GetRequiredService<IKubernetesClient>(),
            new EventRecorderOptions { Component = options.Name },
            sp.GetRequiredService<ILogger<EventRecorder>>(),
            sp.GetRequiredService<TimeProvider>()));
        if (options.EnableLeaderElection)
        {
            services.TryAddSingleton(sp => CreateElector(sp, options));
        }

        services.TryAddSingleton(sp => new OperatorReadinessHealthCheck(sp.GetRequiredService<SharedInformerFactory>(), sp.GetService<LeaderElector>()));
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration(
                $"{options.Name}-ready", sp => sp.GetRequiredService<OperatorReadinessHealthCheck>(), null, [OperatorHealthTags.Ready]))
            .AddCheck<LivenessHealthCheck>($"{options.Name}-live", tags: [OperatorHealthTags.Live]);
        services.AddHostedService(sp => new OperatorHostedService(
            sp.GetRequiredService<SharedInformerFactory>(),
            sp.GetServices<IRunnableController>(),
            options,
            sp.GetRequiredService<ILogger<OperatorHostedService>>(),
            sp.GetService<LeaderElector>()));
        return new OperatorBuilder(services, options);
    }

    internal static IEnumerable<IJsonTypeInfoResolver> Resolvers(IServiceProvider services) =>
        services.GetRequiredService<OperatorOptions>().JsonResolvers.Concat(services.GetServices<IJsonTypeInfoResolver>());

    private static Meter OperatorMeterOf(IServiceProvider services) =>
        services.GetRequiredService<IMeterFactory>().Create(OperatorMeter.Name);

    private static LeaderElector CreateElector(IServiceProvider services, OperatorOptions options)
    {
        var client = services.GetRequiredService<IKubernetesClient>();
        var elector = new LeaderElector(
            client,
            new LeaderElectionOptions
            {
                LeaseName = options.LeaseName ?? $"{options.Name}-leader",
                LeaseNamespace = options.LeaseNamespace ?? options.Namespace ?? client.Configuration.Namespace ?? "default",
                LeaseDuration = options.LeaseDuration,
                RenewDeadline = options.RenewDeadline,
                RetryPeriod = options.RetryPeriod,
            },
            services.GetRequiredService<ILogger<LeaderElector>>(),
            services.GetRequiredService<TimeProvider>());

        // The client the controllers write with is the elector's too: the fence lets the Lease's own requests through.
        client.UseWriteFence(new LeaderWriteFence(elector, services.GetRequiredService<ILogger<LeaderWriteFence>>()));
        return elector;
    }
}
