using Microsoft.Extensions.Logging;

namespace Tollgate.Rollouts.Controllers;

internal static partial class RolloutLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {Namespace}/{Name}: {Reason}: {Message}")]
    public static partial void Event(this ILogger logger, string @namespace, string name, string reason, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {Namespace}/{Name}: scaled ReplicaSet {ReplicaSet} from {From} to {To}")]
    public static partial void Scaled(this ILogger logger, string @namespace, string name, string replicaSet, int from, int to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {Namespace}/{Name}: created {Kind} {Object}")]
    public static partial void Created(this ILogger logger, string @namespace, string name, string kind, string @object);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {Namespace}/{Name}: could not record event {Reason}")]
    public static partial void EventFailed(this ILogger logger, string @namespace, string name, string reason, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rollout {Namespace}/{Name}: {Router} routes {Weight}% to the canary")]
    public static partial void Routed(this ILogger logger, string @namespace, string name, string router, int weight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {Namespace}/{Name}: the ReplicaSet with pod-template-hash {PodHash} runs the template: adopted as the current revision")]
    public static partial void Adopted(this ILogger logger, string @namespace, string name, string podHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {Namespace}/{Name}: could not record the workload generation")]
    public static partial void WorkloadGenerationFailed(this ILogger logger, string @namespace, string name, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {Namespace}/{Name}: scaled Deployment {Deployment} from {From} to {To} (workloadRef.scaleDown {ScaleDown})")]
    public static partial void ScaledDeployment(this ILogger logger, string @namespace, string name, string deployment, int from, int to, string scaleDown);
}
