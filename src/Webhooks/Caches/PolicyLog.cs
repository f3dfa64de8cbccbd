using Microsoft.Extensions.Logging;

namespace Tollgate.Webhooks.Caches;

internal static partial class PolicyLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "ConfigMap {Namespace}/{Name} is malformed, treated as Argo CD treats it: {Problem}")]
    public static partial void ArgoCdConfigProblem(this ILogger logger, string @namespace, string name, string problem);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Tollgate settings ConfigMap {Namespace}/{Name}: {Problem}")]
    public static partial void SettingsProblem(this ILogger logger, string @namespace, string name, string problem);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Tollgate settings reloaded from ConfigMap {Namespace}/{Name}")]
    public static partial void SettingsReloaded(this ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Argo CD cluster Secret {Namespace}/{Name} is malformed: {Problem}")]
    public static partial void ClusterSecretProblem(this ILogger logger, string @namespace, string name, string problem);
}
