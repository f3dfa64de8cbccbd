using Tollgate.KubectlPlugin;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

PluginCommand command;
try
{
    command = PluginCommand.Parse(args);
}
catch (FormatException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}\n\n{PluginCommand.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

KubernetesClientConfiguration configuration;
KubernetesClient client;
try
{
    configuration = command.Kubeconfig is { } path
        ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path)
        : KubernetesClientConfiguration.BuildDefaultConfig();
    client = new KubernetesClient(configuration, RolloutsJsonContext.Default);
}
catch (KubeConfigException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}

using var disposeClient = client;
var @namespace = command.Namespace ?? configuration.Namespace ?? "default";
try
{
    var rollout = await client.GetAsync<Rollout>(command.Name, @namespace, stop.Token);
    if (rollout is null)
    {
        Console.Error.WriteLine($"error: rollout {command.Name} not found in namespace {@namespace}");
        return 1;
    }

    if (command.Verb != "get")
    {
        var patch = RolloutPatches.For(command.Verb, rollout, command.Full, DateTimeOffset.UtcNow);
        if (patch.Spec is { } spec)
        {
            await client.PatchAsync<Rollout>(command.Name, @namespace, KubernetesPatch.Merge(new System.Text.Json.Nodes.JsonObject { ["spec"] = spec }), cancellationToken: stop.Token);
        }

        if (patch.Status is { } status)
        {
            await client.Resource<Rollout>().PatchStatusAsync(
                command.Name, @namespace, KubernetesPatch.Merge(new System.Text.Json.Nodes.JsonObject { ["status"] = status }), cancellationToken: stop.Token);
        }

        Console.WriteLine($"rollout '{command.Name}' {Past(command.Verb, command.Full)}");
        return 0;
    }

    do
    {
        rollout = await client.GetAsync<Rollout>(command.Name, @namespace, stop.Token) ?? rollout;
        var selector = $"{"rollouts.tollgate.dev/rollout"}={command.Name}";
        var replicaSets = (await client.ListAsync<V1ReplicaSet>(@namespace, new ListOptions { LabelSelector = selector }, stop.Token)).Items;
        var runs = (await client.ListAsync<AnalysisRun>(@namespace, new ListOptions { LabelSelector = selector }, stop.Token)).Items;
        var view = RolloutView.Render(rollout, replicaSets, runs);
        Console.Write(command.Watch ? "\u001b[H\u001b[2J" + view : view);
        if (command.Watch)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
        }
    }
    while (command.Watch);

    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}
catch (KubernetesException exception)
{
    Console.Error.WriteLine($"error: {OneLine.Of(exception.Message)}");
    return 1;
}
catch (Exception exception) when (exception is not OperationCanceledException)
{
    // Never a stack trace on the command line: whatever else went wrong, in one line.
    Console.Error.WriteLine($"error: {OneLine.Of(exception.Message)}");
    return 1;
}

static string Past(string verb, bool full) => verb switch
{
    "promote" => full ? "fully promoted" : "promoted",
    "abort" => "aborted",
    "retry" => "retried",
    "restart" => "restarts",
    "pause" => "paused",
    _ => verb,
};
