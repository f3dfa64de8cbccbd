using Tollgate.Shared.Admission.Review;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: the drift guard and guarded namespaces (decisions 2, 3 and 4 of the spec). Rules apply to humans; admins and
/// break-glass may override a denial; system and controller identities pass.
/// </summary>
public static class GuardDecider
{
    private static readonly IReadOnlyDictionary<string, string> NoAnnotations = new Dictionary<string, string>();

    public static AdmissionDecision Decide(GuardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requester = request.Requester;
        switch (requester.Kind)
        {
            case IdentityKind.System:
                return AdmissionDecision.Allow(DecisionReasons.SystemIdentity);
            case IdentityKind.Controller:
                return AdmissionDecision.Allow(DecisionReasons.ControllerIdentity);
        }

        IReadOnlyList<string> warnings = [];
        IReadOnlyDictionary<string, string> audit = NoAnnotations;
        var allowReason = request.ManagedBy is null ? DecisionReasons.Unmanaged : DecisionReasons.Allowed;
        switch (request.Guard)
        {
            case GuardMode.Warn:
                warnings = [$"namespace {request.Target.Namespace ?? request.Target.Name} is guarded by Tollgate (warn): {Verb(request)} {request.Target} by hand would be refused under enforce; make the change in Git"];
                allowReason = DecisionReasons.GuardWarn;
                break;
            case GuardMode.Audit:
                audit = new Dictionary<string, string>(StringComparer.Ordinal) { ["guard-audit"] = $"{request.Requester.User} {Verb(request)} {request.Target}" };
                allowReason = DecisionReasons.GuardAudit;
                break;
        }

        var denial = FirstDenial(request);
        if (denial is null)
        {
            if (request.Exemption == ChangeExemption.PermittedRolloutAction)
            {
                allowReason = DecisionReasons.RolloutAction;
            }
            else if (request.Exemption == ChangeExemption.ApplicationOperation && request.ManagedBy is not null)
            {
                allowReason = DecisionReasons.ApplicationOperation;
            }

            return AdmissionDecision.Allow(allowReason, warnings, audit);
        }

        var breakGlass = IsDeleteOrScale(request) ? request.OldBreakGlass : request.NewBreakGlass;
        return Overrides.Resolve(denial, requester, breakGlass, overridable: true, warnings, audit);
    }

    private static Denial? FirstDenial(GuardRequest request)
    {
        var setsBreakGlass = !string.IsNullOrEmpty(request.NewBreakGlass) && request.NewBreakGlass != request.OldBreakGlass && !IsDeleteOrScale(request);
        if (setsBreakGlass && !request.Requester.BreakGlassMember)
        {
            return new Denial(
                DecisionReasons.BreakGlassForbidden,
                $"only members of the group {request.BreakGlassGroup} may set the annotation {TollgateSettings.BreakGlassAnnotation} (on {request.Target}); {request.Requester.User} is not one");
        }

        if (request.ManagedBy is { } application)
        {
            switch (request.Exemption)
            {
                case ChangeExemption.ApplicationOperation when !request.TrackingChanged:
                case ChangeExemption.PermittedRolloutAction when !request.TrackingChanged:
                    break;
                case ChangeExemption.DeniedRolloutAction:
                    return new Denial(DecisionReasons.RolloutActionDenied, $"{request.Target} is managed by {application.Describe()}: {request.ExemptionMessage}");
                default:
                    return DriftDenial(request, application);
            }
        }

        if (request.Guard == GuardMode.Enforce)
        {
            return new Denial(
                DecisionReasons.GuardEnforce,
                $"namespace {request.Target.Namespace ?? request.Target.Name} is guarded by Tollgate (enforce): {Verb(request)} {request.Target} by hand is refused; make the change in Git and let the GitOps controller apply it");
        }

        if (request.ResourcePermission is { Allowed: false } resource)
        {
            return new Denial(DecisionReasons.ResourceNotPermitted, $"{request.Target} cannot be created: {resource.Message}");
        }

        return null;
    }

    private static Denial DriftDenial(GuardRequest request, ManagingApplication application)
    {
        var change = request.TrackingChanged
            ? $"removing or rewriting the tracking of {request.Target} is refused"
            : $"{Verb(request)} {request.Target} by hand is refused";
        return new Denial(
            request.TrackingChanged ? DecisionReasons.TrackingChanged : DecisionReasons.Drift,
            $"{request.Target} is managed by {application.Describe()}: {change}. Change it in Git (repository {application.RepoUrl}, path {application.Path}, revision {application.Revision}) and let Argo CD sync it");
    }

    private static bool IsDeleteOrScale(GuardRequest request) =>
        request.Operation == AdmissionOperations.Delete || request.SubResource == "scale";

    private static string Verb(GuardRequest request) => (request.Operation, request.SubResource) switch
    {
        (_, "scale") => "scaling",
        (AdmissionOperations.Create, _) => "creating",
        (AdmissionOperations.Delete, _) => "deleting",
        _ => "changing",
    };
}
