using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: Application CREATE, UPDATE and DELETE against the compiled projects and RBAC. The project must exist and its
/// limits (repositories, destinations) hold for everyone; the role check (create, update, delete, or sync for an
/// update of only <c>.operation</c>) applies to humans; admins bypass it (counted), break-glass may override it.
/// </summary>
public static class ApplicationDecider
{
    public static AdmissionDecision Decide(ApplicationRequest request, PolicySnapshot policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        if (request.Requester.Kind == IdentityKind.System)
        {
            return AdmissionDecision.Allow(DecisionReasons.SystemIdentity);
        }

        if (request.Operation == AdmissionOperations.Delete)
        {
            return request.Old is null
                ? AdmissionDecision.Allow(DecisionReasons.Allowed)
                : CheckRole(request, policy, request.Old, "delete", request.OldBreakGlass);
        }

        var application = request.New;
        if (application is null)
        {
            return AdmissionDecision.Deny(DecisionReasons.Unreadable, "the request carries no Application");
        }

        if (request.Operation == AdmissionOperations.Create || request.SpecChanged)
        {
            var limits = CheckLimits(application, policy);
            if (limits is not null)
            {
                return AdmissionDecision.Deny(limits.Reason, limits.Message);
            }
        }

        if (request.Operation == AdmissionOperations.Update && request.Old is { } old && ProjectOf(old) != ProjectOf(application))
        {
            var leaving = CheckRole(request, policy, old, "update", request.NewBreakGlass);
            if (!leaving.Allowed)
            {
                return leaving;
            }
        }

        var action = request.Operation == AdmissionOperations.Create ? "create" : request.OperationOnly ? "sync" : "update";
        return CheckRole(request, policy, application, action, request.NewBreakGlass);
    }

    private static Denial? CheckLimits(Application application, PolicySnapshot policy)
    {
        var name = application.Metadata.Name ?? "";
        var projectName = ProjectOf(application);
        var project = policy.Project(projectName);
        if (project is null)
        {
            return new Denial(DecisionReasons.ProjectMissing, $"application {name} references project {projectName}, which does not exist");
        }

        var violations = project.CheckApplication(application);
        if (violations.Count == 0)
        {
            return null;
        }

        var first = violations[0].Field;
        var reason = first.EndsWith("repoURL", StringComparison.Ordinal) ? DecisionReasons.SourceNotPermitted
            : first == "spec.destination" ? DecisionReasons.DestinationNotPermitted
            : DecisionReasons.InvalidApplication;
        return new Denial(
            reason,
            $"application {name} breaks the limits of project {projectName}: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}"))}");
    }

    private static AdmissionDecision CheckRole(ApplicationRequest request, PolicySnapshot policy, Application application, string action, string? breakGlass)
    {
        var requester = request.Requester;
        if (requester.Kind == IdentityKind.Controller)
        {
            return AdmissionDecision.Allow(DecisionReasons.ControllerIdentity);
        }

        var rbacObject = RbacObjects.For(ProjectOf(application), application.Metadata.Namespace ?? "", application.Metadata.Name ?? "", request.ArgoCdNamespace);
        var decision = policy.Enforcer.Enforce(requester.Subject, "applications", action, rbacObject);
        if (decision.Allowed)
        {
            return AdmissionDecision.Allow(DecisionReasons.Allowed);
        }

        var denial = new Denial(DecisionReasons.RbacDenied, $"Argo CD RBAC: {decision.Message}");
        return Overrides.Resolve(denial, requester, breakGlass, overridable: true, [], new Dictionary<string, string>());
    }

    private static string ProjectOf(Application application) =>
        string.IsNullOrEmpty(application.Spec.Project) ? CompiledProject.DefaultProjectName : application.Spec.Project;
}
