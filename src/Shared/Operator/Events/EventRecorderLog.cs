using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Operator.Events;

internal static partial class EventRecorderLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {Reason} on {Kind} {Namespace}/{Name} recorded (count {Count})")]
    public static partial void Recorded(this ILogger logger, string reason, string? kind, string? @namespace, string? name, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record event {Reason} on {Kind} {Namespace}/{Name}")]
    public static partial void RecordFailed(this ILogger logger, string reason, string? kind, string? @namespace, string? name, Exception error);
}
