using Microsoft.Extensions.Logging;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Observability;

namespace Tollgate.Webhooks.Handlers;

/// <summary>The I/O edge after a decision: the admission answer, the metrics, the denial log and the break-glass Event.</summary>
public sealed class DecisionResponder(
    WebhookMetrics metrics, BreakGlassEvents events, DenialLogThrottle denialLog, AdmissionCaches caches, ILogger<DecisionResponder> logger)
{
    public ValidationResult Respond(string webhook, AdmissionRequest request, AdmissionDecision decision, TimeSpan elapsed, EventTarget? target = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decision);
        metrics.RecordDecision(webhook, request.Operation, decision.Label, decision.Reason, elapsed);
        if (decision.Allowed && !decision.AdminBypass && decision.BreakGlassReason is null && decision.Reason != DecisionReasons.GuardAudit)
        {
            // Most requests: nothing to log or record, so none of the bounded log values below are made.
            return Accept(decision);
        }

        // Every request field below is request-controlled: bounded before it reaches a log line or the throttle's keys.
        var user = AdmissionLogValues.Bound(request.UserInfo?.Username);
        var operation = AdmissionLogValues.Bound(request.Operation);
        var resource = AdmissionLogValues.Bound(request.Resource?.ToString());
        var subResource = AdmissionLogValues.Bound(request.SubResource);
        var @namespace = AdmissionLogValues.Bound(request.Namespace);
        var name = AdmissionLogValues.Bound(request.Name);
        var message = AdmissionLogValues.BoundMessage(decision.Message ?? "");
        var dryRun = request.DryRun == true;
        if (!decision.Allowed)
        {
            var (log, suppressed) = denialLog.Admit(new DenialKey(webhook, user, operation, resource, subResource, @namespace, name, decision.Reason));
            if (log && suppressed == 0)
            {
                logger.Denied(webhook, operation, resource, subResource, @namespace, name, user, decision.Reason, dryRun, message);
            }
            else if (log)
            {
                logger.DeniedAgain(webhook, operation, resource, subResource, @namespace, name, user, decision.Reason, dryRun, message, suppressed);
            }

            return WithAnnotations(ValidationResult.Fail(decision.Message ?? "denied", decision.StatusCode), decision);
        }

        if (decision.AdminBypass)
        {
            metrics.RecordAdminBypass(webhook);
            logger.AdminBypass(user, operation, resource, @namespace, name, message);
        }

        if (decision.BreakGlassReason is { } reason)
        {
            metrics.RecordBreakGlass(webhook, caches.NamespaceExists(request.Namespace) ? request.Namespace! : AdmissionMetricLabels.Other);
            logger.BreakGlassUsed(user, operation, resource, @namespace, name, message, AdmissionLogValues.BoundMessage(reason));
            if (!dryRun && target is not null)
            {
                events.Enqueue(new BreakGlassEvent(target, $"break-glass by {user} ({operation}{(subResource is null ? "" : "/" + subResource)}): \"{reason}\"; bypassed: {decision.Message}"));
            }
        }

        if (decision.Reason == DecisionReasons.GuardAudit)
        {
            logger.GuardAudit(user, operation, resource, @namespace, name);
        }

        return Accept(decision);
    }

    private static ValidationResult Accept(AdmissionDecision decision) =>
        WithAnnotations(decision.Warnings.Count == 0 ? Allowed : ValidationResult.Success([.. decision.Warnings]), decision);

    private static readonly ValidationResult Allowed = ValidationResult.Success();

    private static ValidationResult WithAnnotations(ValidationResult result, AdmissionDecision decision) =>
        decision.AuditAnnotations.Count == 0 ? result : result with { AuditAnnotations = new Dictionary<string, string>(decision.AuditAnnotations, StringComparer.Ordinal) };
}
