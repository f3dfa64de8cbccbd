using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Operator.Controllers;

internal static partial class ControllerLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Controller} reconciled {Namespace}/{Name}")]
    public static partial void Reconciled(this ILogger logger, string controller, string? @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller} failed to reconcile {Namespace}/{Name} (retry {Retries}): {Reason}")]
    public static partial void ReconcileFailed(
        this ILogger logger, string controller, string? @namespace, string name, int retries, string reason, Exception? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Controller} threw while reconciling {Namespace}/{Name} (retry {Retries})")]
    public static partial void ReconcileThrew(this ILogger logger, string controller, string? @namespace, string name, int retries, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Controller} added finalizers {Finalizers} to {Namespace}/{Name}")]
    public static partial void FinalizersAdded(this ILogger logger, string controller, string? @namespace, string name, string finalizers);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Controller} ran finalizer {Finalizer} of {Namespace}/{Name}")]
    public static partial void Finalized(this ILogger logger, string controller, string? @namespace, string name, string finalizer);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Controller} starts {Workers} workers")]
    public static partial void WorkersStarting(this ILogger logger, string controller, int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Controller} workers stopped")]
    public static partial void WorkersStopped(this ILogger logger, string controller);
}
