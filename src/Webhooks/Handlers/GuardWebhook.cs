using System.Diagnostics;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Observability;
using Tollgate.Webhooks.Settings;
using Tollgate.Webhooks.Tracking;

namespace Tollgate.Webhooks.Handlers;

/// <summary>
/// The drift guard and guarded namespaces for every object (including the <c>scale</c> subresource): resolves the
/// request against the caches, then lets <see cref="GuardDecider"/> decide.
/// </summary>
public sealed class GuardWebhook(LiveSettings liveSettings, AdmissionCaches caches, DecisionResponder responder) : GenericValidationWebhook
{
    private TollgateSettings settings => liveSettings.Current;

    public const string WebhookName = "guard";

    public override string Name => WebhookName;

    public override string SideEffects => "NoneOnDryRun";

    public override IReadOnlyList<V1RuleWithOperations> Rules => WebhookRules.Guard;

    public override async Task<ValidationResult> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        if (!await CacheGate.EnsureSyncedAsync(caches, cancellationToken))
        {
            return responder.Respond(Name, request, CacheGate.NotReady, Stopwatch.GetElapsedTime(started));
        }

        var (decision, target) = Decide(request);
        return responder.Respond(Name, request, decision, Stopwatch.GetElapsedTime(started), target);
    }

    internal (AdmissionDecision Decision, EventTarget? Target) Decide(AdmissionRequest request)
    {
        if (request.SubResource is { Length: > 0 } subResource && subResource != "scale")
        {
            return (AdmissionDecision.Allow(DecisionReasons.Allowed), null);
        }

        var requester = IdentityClassifier.Classify(settings, request.UserInfo?.Username, RequestReader.Groups(request));
        if (requester.Kind is IdentityKind.System or IdentityKind.Controller)
        {
            return (AdmissionDecision.Allow(requester.Kind == IdentityKind.System ? DecisionReasons.SystemIdentity : DecisionReasons.ControllerIdentity), null);
        }

        var @namespace = RequestReader.Namespace(request);

        // A guarded namespace also guards itself: deleting it or removing its label is a write in it.
        var guard = request.Kind is { Group: "", Kind: "Namespace" } && request.SubResource is null
            ? GuardModes.Parse(RequestReader.Label(request.OldObject, TollgateSettings.GuardLabel))
            : GuardModes.Parse(caches.NamespaceGuard(@namespace));
        return request.SubResource == "scale" ? DecideScale(request, requester, @namespace, guard) : DecideObject(request, requester, @namespace, guard);
    }

    private (AdmissionDecision, EventTarget?) DecideScale(AdmissionRequest request, Requester requester, string? @namespace, GuardMode guard)
    {
        var resource = request.Resource ?? new GroupVersionResource();
        var parent = @namespace is null ? null : caches.ScaleParent(resource.Group, resource.Resource, @namespace, request.Name ?? "");
        var coordinates = parent?.Coordinates ?? new ObjectCoordinates(resource.Group, resource.Resource, @namespace, request.Name ?? "");
        var metadata = parent?.Metadata ?? TrackedMetadata.Empty;
        var claim = parent is null ? null : TrackingReader.Read(settings, metadata, coordinates);
        var decision = GuardDecider.Decide(new GuardRequest
        {
            Operation = request.Operation ?? "",
            SubResource = "scale",
            Target = coordinates,
            Requester = requester,
            ManagedBy = Managing(claim),
            OldBreakGlass = metadata.BreakGlass,
            NewBreakGlass = metadata.BreakGlass,
            Guard = guard,
            BreakGlassGroup = settings.BreakGlassGroup,
        });
        var target = RequestReader.Target(RequestReader.ApiVersion(resource.Group, resource.Version), coordinates.Kind, @namespace, request.Name, null);
        return (decision, target);
    }

    private (AdmissionDecision, EventTarget?) DecideObject(AdmissionRequest request, Requester requester, string? @namespace, GuardMode guard)
    {
        var kind = request.Kind ?? new GroupVersionKind();
        var coordinates = new ObjectCoordinates(kind.Group, kind.Kind, @namespace, request.Name ?? "");
        var operation = request.Operation ?? "";
        var oldMetadata = TrackedMetadataReader.FromJson(request.OldObject, settings);
        var newMetadata = TrackedMetadataReader.FromJson(request.Object, settings);
        var oldClaim = request.OldObject is null ? null : TrackingReader.Read(settings, oldMetadata, coordinates);
        var newClaim = request.Object is null || operation == AdmissionOperations.Delete ? null : TrackingReader.Read(settings, newMetadata, coordinates);
        var trackingChanged = operation == AdmissionOperations.Update && oldClaim is not null && oldClaim != newClaim;
        var managedBy = Managing(oldClaim) ?? Managing(newClaim);

        var (exemption, exemptionMessage) = Exemption(request, requester, kind, operation, managedBy);
        var resourcePermission = operation == AdmissionOperations.Create && @namespace is not null
            ? caches.Policy.CheckNamespacedResource(@namespace, kind.Group, kind.Kind, managedBy?.Project)
            : null;
        var decision = GuardDecider.Decide(new GuardRequest
        {
            Operation = operation,
            Target = coordinates,
            Requester = requester,
            ManagedBy = managedBy,
            TrackingChanged = trackingChanged,
            OldBreakGlass = oldMetadata.BreakGlass,
            NewBreakGlass = newMetadata.BreakGlass,
            Guard = guard,
            ResourcePermission = resourcePermission,
            Exemption = exemption,
            ExemptionMessage = exemptionMessage,
            BreakGlassGroup = settings.BreakGlassGroup,
        });
        var target = RequestReader.Target(RequestReader.ApiVersion(kind.Group, kind.Version), kind.Kind, @namespace, request.Name, request.OldObject ?? request.Object);
        return (decision, target);
    }

    private (ChangeExemption, string?) Exemption(AdmissionRequest request, Requester requester, GroupVersionKind kind, string operation, ManagingApplication? managedBy)
    {
        if (operation != AdmissionOperations.Update || kind.Group != "argoproj.io")
        {
            return (ChangeExemption.None, null);
        }

        if (kind.Kind == "Application" && JsonComparison.IsOperationOnly(request.OldObject, request.Object))
        {
            return (ChangeExemption.ApplicationOperation, null);
        }

        if (kind.Kind == "Rollout" && managedBy is not null)
        {
            var change = RolloutChangeClassifier.Classify(request.OldObject, request.Object);
            if (change.IsPluginOperation)
            {
                var (permitted, message) = RolloutActionAuthorizer.Authorize(
                    caches.Policy.Enforcer, requester.Subject, managedBy.RbacObject(settings.ArgoCdNamespace), change);
                return permitted ? (ChangeExemption.PermittedRolloutAction, null) : (ChangeExemption.DeniedRolloutAction, message);
            }
        }

        return (ChangeExemption.None, null);
    }

    private ManagingApplication? Managing(TrackingClaim? claim) =>
        claim is not null && caches.Application(claim.Application) is { } application ? ManagingApplication.From(application) : null;
}
