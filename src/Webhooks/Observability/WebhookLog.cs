using Microsoft.Extensions.Logging;

namespace Tollgate.Webhooks.Observability;

internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Compiled the policy of Argo CD namespace {ArgoCdNamespace}: {ProjectCount} projects, {DiagnosticCount} ignored entries")]
    public static partial void PolicyRebuilt(this ILogger logger, string argoCdNamespace, int projectCount, int diagnosticCount);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Ignored policy entry: {Diagnostic}")]
    public static partial void PolicyDiagnostic(this ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Denied {Operation} of {Resource} {Namespace}/{Name} (subresource {SubResource}) by {User} via webhook {Webhook} [{Reason}] (dryRun {DryRun}): {Message}")]
    public static partial void Denied(
        this ILogger logger, string webhook, string? operation, string? resource, string? subResource, string? @namespace, string? name, string? user, string reason, bool dryRun, string message);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "Denied {Operation} of {Resource} {Namespace}/{Name} (subresource {SubResource}) by {User} via webhook {Webhook} [{Reason}] (dryRun {DryRun}): {Message} ({Suppressed} identical denials since the last line were not logged)")]
    public static partial void DeniedAgain(
        this ILogger logger, string webhook, string? operation, string? resource, string? subResource, string? @namespace, string? name, string? user, string reason, bool dryRun, string message, int suppressed);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Break-glass: {User} made {Operation} of {Resource} {Namespace}/{Name} that would be denied ({Denial}); reason given: {BreakGlassReason}")]
    public static partial void BreakGlassUsed(
        this ILogger logger, string? user, string? operation, string? resource, string? @namespace, string? name, string denial, string breakGlassReason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information,
        Message = "Admin bypass: {User} (admin group) made {Operation} of {Resource} {Namespace}/{Name} that would be denied: {Denial}")]
    public static partial void AdminBypass(
        this ILogger logger, string? user, string? operation, string? resource, string? @namespace, string? name, string denial);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Audit (namespace {Namespace} guarded in audit mode): {User} made {Operation} of {Resource} {Namespace}/{Name}")]
    public static partial void GuardAudit(this ILogger logger, string? user, string? operation, string? resource, string? @namespace, string? name);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Registered webhook configuration {Name} at {BaseAddress}")]
    public static partial void Registered(this ILogger logger, string name, string baseAddress);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Critical,
        Message = "Could not register webhook configuration {Name}: {Reason}. Registering needs create, update and delete on validatingwebhookconfigurations, which the webhooks' own role lacks: pass --registration-kubeconfig with an identity that has them")]
    public static partial void RegistrationFailed(this ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error,
        Message = "Could not delete webhook configuration {Name} on shutdown: {Reason}. Until it is deleted (kubectl delete validatingwebhookconfiguration {Name}), writes outside the excluded namespaces are refused")]
    public static partial void UnregistrationFailed(this ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Could not record the break-glass Event on {Kind} {Namespace}/{Name}")]
    public static partial void EventFailed(this ILogger logger, Exception exception, string? kind, string? @namespace, string? name);
}
