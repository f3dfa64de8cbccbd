using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Operator.Builder;

internal static partial class OperatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Operator {Operator} caches synced ({Informers} informers)")]
    public static partial void CachesSynced(this ILogger logger, string @operator, int informers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator {Operator} stands by for leadership as {Identity}")]
    public static partial void StandingBy(this ILogger logger, string @operator, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator {Operator} runs {Controllers} controllers")]
    public static partial void ControllersRunning(this ILogger logger, string @operator, int controllers);
}
