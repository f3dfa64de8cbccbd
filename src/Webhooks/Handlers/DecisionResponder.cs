using Microsoft.Extensions.Logging;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Observability;

namespace Tollgate.Webhooks.Handlers;

/// <summary>The I/O edge after a decision: the admission answer, the metrics, the denial log and the break-glass Event.</summary>
public sealed class DecisionResponder(WebhookMetrics metrics, BreakGlassEvents events, DenialLogThrottle denialLog, ILogger<DecisionResponder> logger)
{
    public ValidationResult Respond(string webhook, AdmissionRequest request, AdmissionDecision decision, TimeSpan elapsed, EventTarget? target = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decision);
        metrics.RecordDecision(webhook, request.Operation, decision.Label, decision.Reason, elapsed);
        var user = request.UserInfo?.Username;
        var resource = request.Resource?.ToString();
        var dryRun = request.DryRun == true;
        if (!decision.Allowed)
        {
            var (log, suppressed) = denialLog.Admit(new DenialKey(webhook, user, request.Operation, resource, request.SubResource, request.Namespace, request.Name, decision.Reason));
            if (log && suppressed == 0)
            {
                logger.Denied(webhook, request.Operation, resource, request.SubResource, request.Namespace, request.Name, user, decision.Reason, dryRun, decision.Message ?? "");
            }
            else if (log)
            {
                logger.DeniedAgain(webhook, request.Operation, resource, request.SubResource, request.Namespace, request.Name, user, decision.Reason, dryRun, decision.Message ?? "", suppressed);
            }

            return WithAnnotations(ValidationResult.Fail(decision.Message ?? "denied", decision.StatusCode), decision);
        }

        if (decision.AdminBypass)
        {
            metrics.RecordAdminBypass(webhook);
            logger.AdminBypass(user, request.Operation, resource, request.Namespace, request.Name, decision.Message ?? "");
        }

        if (decision.BreakGlassReason is { } reason)
        {
            metrics.RecordBreakGlass(webhook, request.Namespace);
            logger.BreakGlassUsed(user, request.Operation, resource, request.Namespace, request.Name, decision.Message ?? "", reason);
            if (!dryRun && target is not null)
            {
                events.Enqueue(new BreakGlassEvent(target, $"break-glass by {user} ({request.Operation}{(request.SubResource is null ? "" : "/" + request.SubResource)}): \"{reason}\"; bypassed: {decision.Message}"));
            }
        }

        if (decision.Reason == DecisionReasons.GuardAudit)
        {
            logger.GuardAudit(user, request.Operation, resource, request.Namespace, request.Name);
        }

        return WithAnnotations(decision.Warnings.Count == 0 ? Allowed : ValidationResult.Success([.. decision.Warnings]), decision);
    }

    private static readonly ValidationResult Allowed = ValidationResult.Success();

    private static ValidationResult WithAnnotations(ValidationResult result, AdmissionDecision decision) =>
        decision.AuditAnnotations.Count == 0 ? result : result with { AuditAnnotations = new Dictionary<string, string>(decision.AuditAnnotations, StringComparer.Ordinal) };
}
