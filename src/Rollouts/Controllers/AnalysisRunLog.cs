using Microsoft.Extensions.Logging;

namespace Tollgate.Rollouts.Controllers;

internal static partial class AnalysisRunLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "AnalysisRun {Namespace}/{Name} metric {Metric} measured {Phase}: {Value}")]
    public static partial void Measured(this ILogger logger, string? @namespace, string? name, string metric, string phase, string? value);

    [LoggerMessage(Level = LogLevel.Information, Message = "AnalysisRun {Namespace}/{Name} completed {Phase}: {Message}")]
    public static partial void Completed(this ILogger logger, string? @namespace, string? name, string phase, string? message);
}
