using Microsoft.Extensions.Logging;

namespace Tollgate.Webhooks.Caches;

internal static partial class PolicyLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "ConfigMap {Namespace}/{Name} is malformed, treated as Argo CD treats it: {Problem}")]
    public static partial void ArgoCdConfigProblem(this ILogger logger, string @namespace, string name, string problem);
}
