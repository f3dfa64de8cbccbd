using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Operator.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Informer {Informer} synced with {Count} objects")]
    public static partial void Synced(this ILogger logger, string informer, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Informer {Informer} list/watch failed; retrying in {Backoff}")]
    public static partial void ListWatchRetry(this ILogger logger, string informer, TimeSpan backoff, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Informer {Informer} re-lists: its resourceVersion expired")]
    public static partial void Relisting(this ILogger logger, string informer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Informer {Informer} stopped unexpectedly; restarting in {Delay}")]
    public static partial void PumpFailed(this ILogger logger, string informer, TimeSpan delay, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Informer {Informer} handler failed on {Change} of {Namespace}/{Name}")]
    public static partial void HandlerFailed(this ILogger logger, string informer, CacheChangeType change, string? @namespace, string? name, Exception error);
}
