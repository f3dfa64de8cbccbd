using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tollgate.Rollouts;
using Tollgate.Rollouts.Controllers;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Logging;
using Tollgate.Shared.Metrics;
using Tollgate.Shared.Operator.Builder;
using Tollgate.Shared.Operator.Health;

RolloutsSettings settings;
try
{
    settings = RolloutsSettings.FromArguments(args, Environment.GetEnvironmentVariable);
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync($"tollgate-rollouts: {e.Message}");
    return 2;
}

KubernetesClient client;
try
{
    client = new KubernetesClient(settings.LoadKubernetesConfiguration(), Tollgate.Shared.Entities.Rollouts.RolloutsJsonContext.Default, RolloutsCacheJsonContext.Default);
}
catch (KubeConfigException e)
{
    await Console.Error.WriteLineAsync($"tollgate-rollouts: {e.Message}");
    return 1;
}

using var ownedClient = client;
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.AddTollgateConsole();
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.WebHost.UseUrls($"http://{settings.BindAddress}");
builder.Services.AddSingleton<IKubernetesClient>(client);
builder.Services.AddPrometheusMetrics();
builder.Services.AddKubernetesOperator(options =>
    {
        options.Name = "tollgate-rollouts";
        options.Namespace = settings.Namespace;
        options.EnableLeaderElection = settings.LeaderElection;
        options.LeaseNamespace = settings.LeaseNamespace;
        options.LeaseName = settings.LeaseName;
        options.LeaseDuration = settings.LeaseDuration;
        options.RenewDeadline = settings.RenewDeadline;
        options.RetryPeriod = settings.RetryPeriod;
        options.SetWorkerCount<Tollgate.Shared.Entities.Rollouts.Rollout>(settings.RolloutThreads)
            .SetWorkerCount<Tollgate.Shared.Entities.Rollouts.AnalysisRun>(settings.AnalysisThreads);
    })
    .AddRolloutControllers();

try
{
    var app = builder.Build();
    app.Services.GetRequiredService<PrometheusExporter>();
    app.Services.GetRequiredService<RolloutCaches>();
    app.Services.GetRequiredService<WorkloadGenerations>();
    app.MapOperatorHealth();
    app.MapPrometheusMetrics();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    // A startup failure (address in use, unusable settings) is one line and a non-zero exit, never a stack trace.
    await Console.Error.WriteLineAsync($"tollgate-rollouts: {OneLine.Of(e.Message)}");
    return 1;
}
