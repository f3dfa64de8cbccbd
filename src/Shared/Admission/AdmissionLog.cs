using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Admission;

internal static partial class AdmissionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused a request to webhook {Webhook} with HTTP {StatusCode}: {Problem}")]
    public static partial void RefusedRequest(this ILogger logger, string webhook, int statusCode, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "Webhook {Webhook} failed on {Operation} {Resource} {Namespace}/{Name} (uid {Uid}); the request is denied")]
    public static partial void HandlerFailed(
        this ILogger logger, Exception exception, string webhook, string? operation, string? resource, string? @namespace, string? name, string uid);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug,
        Message = "Webhook {Webhook} answered {Operation} {Resource} {Namespace}/{Name} (uid {Uid}, dryRun {DryRun}): allowed={Allowed} in {ElapsedMilliseconds:0.###} ms")]
    public static partial void Answered(
        this ILogger logger, string webhook, string? operation, string? resource, string? @namespace, string? name, string uid, bool dryRun, bool allowed, double elapsedMilliseconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "The caller of webhook {Webhook} went away before the answer (uid {Uid})")]
    public static partial void CallerGone(this ILogger logger, string webhook, string uid);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "The caller of webhook {Webhook} went away while sending its request")]
    public static partial void CallerGoneWhileSending(this ILogger logger, string webhook);
}
