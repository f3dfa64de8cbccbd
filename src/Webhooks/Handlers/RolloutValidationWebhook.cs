using System.Diagnostics;
using System.Text.Json;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.Validation;
using Tollgate.Shared.Kube.Models;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Decisions;

namespace Tollgate.Webhooks.Handlers;

/// <summary>Rollout, AnalysisTemplate and ClusterAnalysisTemplate validation (decision 6), for every identity.</summary>
public sealed class RolloutValidationWebhook(AdmissionCaches caches, DecisionResponder responder) : GenericValidationWebhook
{
    public const string WebhookName = "rollouts";

    public override string Name => WebhookName;

    public override string SideEffects => "NoneOnDryRun";

    public override IReadOnlyList<V1RuleWithOperations> Rules => WebhookRules.Rollouts;

    public override async Task<ValidationResult> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        if (!await CacheGate.EnsureSyncedAsync(caches, cancellationToken))
        {
            return responder.Respond(Name, request, CacheGate.NotReady, Stopwatch.GetElapsedTime(started));
        }

        return responder.Respond(Name, request, Decide(request), Stopwatch.GetElapsedTime(started));
    }

    internal AdmissionDecision Decide(AdmissionRequest request)
    {
        if (request.Operation == AdmissionOperations.Update
            && JsonComparison.NullableEquals(JsonComparison.Property(request.OldObject, "spec"), JsonComparison.Property(request.Object, "spec")))
        {
            return AdmissionDecision.Allow(DecisionReasons.Allowed);
        }

        if (request.Object is not { ValueKind: JsonValueKind.Object } body)
        {
            return AdmissionDecision.Deny(DecisionReasons.Unreadable, "the request carries no object", 400);
        }

        var kind = request.Kind?.Kind ?? "";
        SpecFindings findings;
        try
        {
            findings = kind switch
            {
                "Rollout" => RolloutSpecValidator.Findings(AdmissionObjectReader.Read(body, RolloutsJsonContext.Default.Rollout)),
                "AnalysisTemplate" => AnalysisTemplateValidator.Validate(AdmissionObjectReader.Read(body, RolloutsJsonContext.Default.AnalysisTemplate).Spec),
                "ClusterAnalysisTemplate" => AnalysisTemplateValidator.Validate(AdmissionObjectReader.Read(body, RolloutsJsonContext.Default.ClusterAnalysisTemplate).Spec),
                _ => new SpecFindings([], []),
            };
        }
        catch (JsonException e)
        {
            return AdmissionDecision.Deny(DecisionReasons.Unreadable, $"the {kind} cannot be read: {e.Message}", 400);
        }

        if (findings.Errors.Count > 0)
        {
            // A Rollout is refused with exactly the message its InvalidSpec condition would carry; a template with all.
            var message = kind == "Rollout" ? findings.Errors[0] : $"{kind} {request.Name} is invalid: {string.Join("; ", findings.Errors)}";
            return AdmissionDecision.Deny(DecisionReasons.InvalidSpec, message, 400);
        }

        var @namespace = string.IsNullOrEmpty(request.Namespace) ? null : request.Namespace;
        var warnings = findings.Templates
            .Where(t => !caches.AnalysisTemplateExists(@namespace, t.Name, t.ClusterScope))
            .Select(t => $"{t.Field}: {(t.ClusterScope ? "ClusterAnalysisTemplate" : $"AnalysisTemplate in namespace {@namespace}")} {t.Name} does not exist (yet); the analysis fails until it does")
            .ToList();
        return AdmissionDecision.Allow(DecisionReasons.Allowed, warnings);
    }
}
