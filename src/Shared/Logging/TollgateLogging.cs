using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Tollgate.Shared.Kube.Config;

namespace Tollgate.Shared.Logging;

/// <summary>
/// One console logging setup for every Tollgate process: JSON lines in a cluster (for log collectors), readable
/// single lines locally. TOLLGATE_LOG_FORMAT=json|text overrides the choice.
/// </summary>
public static class TollgateLogging
{
    public const string FormatVariable = "TOLLGATE_LOG_FORMAT";

    public static ILoggingBuilder AddTollgateConsole(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        if (UseJson(Environment.GetEnvironmentVariable(FormatVariable), KubernetesClientConfiguration.IsInCluster()))
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        else
        {
            // Text is for people: messages already name their object, and request/trace scopes would bury them.
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = false;
                options.TimestampFormat = "HH:mm:ss.fff ";
                options.ColorBehavior = LoggerColorBehavior.Default;
            });
        }

        return logging;
    }

    /// <summary>JSON when asked for, or in a cluster unless text was asked for.</summary>
    public static bool UseJson(string? format, bool inCluster) => format?.Trim().ToLowerInvariant() switch
    {
        "json" => true,
        "text" => false,
        _ => inCluster,
    };

    /// <summary>A scope that puts the object's namespace and name on every line logged inside it.</summary>
    public static IDisposable? BeginObjectScope(this ILogger logger, string kind, string? @namespace, string? name)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new ObjectScope(kind, @namespace, name));
    }
}
