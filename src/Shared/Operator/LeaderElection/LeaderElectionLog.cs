using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Operator.LeaderElection;

internal static partial class LeaderElectionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became leader on Lease {Namespace}/{Name}")]
    public static partial void StartedLeading(this ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} stopped leading on Lease {Namespace}/{Name}")]
    public static partial void StoppedLeading(this ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} released Lease {Namespace}/{Name}")]
    public static partial void Released(this ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lease {Namespace}/{Name} is held by {Holder}")]
    public static partial void HeldByOther(this ILogger logger, string @namespace, string name, string? holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} could not acquire or renew Lease {Namespace}/{Name}")]
    public static partial void AttemptFailed(this ILogger logger, string identity, string @namespace, string name, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} could not release Lease {Namespace}/{Name}")]
    public static partial void ReleaseFailed(this ILogger logger, string identity, string @namespace, string name, Exception error);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Identity} refuses its writes until it leads on Lease {Namespace}/{Name} again: {Reason} (first refused: {Method} {Path})")]
    public static partial void WritesRefused(this ILogger logger, string identity, string @namespace, string name, string reason, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "A leadership callback of {Identity} on Lease {Namespace}/{Name} threw")]
    public static partial void CallbackFailed(this ILogger logger, string identity, string @namespace, string name, Exception error);
}
