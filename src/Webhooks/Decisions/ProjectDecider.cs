using Tollgate.Shared.Admission.Review;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: an AppProject written with kubectl, held to Argo CD's project API (server/project): a created or re-specified
/// project must pass Argo CD's validation (<see cref="ProjectValidator"/>) whoever writes it, except system identities;
/// the project <c>default</c> and a project Applications still name cannot be deleted; humans need <c>projects</c>
/// <c>create</c>, <c>update</c> or <c>delete</c> on the project's name (admins bypass, counted; break-glass may override).
/// </summary>
public static class ProjectDecider
{
    public static AdmissionDecision Decide(ProjectRequest request, PolicySnapshot policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var requester = request.Requester;
        if (requester.Kind == IdentityKind.System)
        {
            return AdmissionDecision.Allow(DecisionReasons.SystemIdentity);
        }

        var project = request.Operation == AdmissionOperations.Delete ? request.Old : request.New;
        if (project is null)
        {
            return request.Operation == AdmissionOperations.Delete
                ? AdmissionDecision.Allow(DecisionReasons.Allowed)
                : AdmissionDecision.Deny(DecisionReasons.Unreadable, "the request carries no AppProject");
        }

        var name = project.Metadata.Name ?? "";
        if (request.Operation != AdmissionOperations.Delete && (request.Operation == AdmissionOperations.Create || request.SpecChanged)
            && ProjectValidator.Validate(project) is { } invalid)
        {
            return AdmissionDecision.Deny(DecisionReasons.InvalidProject, $"Argo CD refuses AppProject {name}: {invalid}", 400);
        }

        if (requester.Kind == IdentityKind.Controller)
        {
            return AdmissionDecision.Allow(DecisionReasons.ControllerIdentity);
        }

        if (request.Operation == AdmissionOperations.Delete)
        {
            if (name == CompiledProject.DefaultProjectName)
            {
                return AdmissionDecision.Deny(DecisionReasons.ProjectInUse, $"Argo CD refuses to delete AppProject {name}: name '{name}' is reserved and cannot be deleted");
            }

            if (request.ApplicationCount > 0)
            {
                return AdmissionDecision.Deny(DecisionReasons.ProjectInUse, $"Argo CD refuses to delete AppProject {name}: project is referenced by {request.ApplicationCount} applications");
            }
        }

        var action = request.Operation switch
        {
            AdmissionOperations.Create => "create",
            AdmissionOperations.Delete => "delete",
            _ => "update",
        };
        var decision = policy.Enforcer.Enforce(requester.Subject, "projects", action, name);
        if (decision.Allowed)
        {
            return AdmissionDecision.Allow(DecisionReasons.Allowed);
        }

        var breakGlass = request.Operation == AdmissionOperations.Delete ? request.OldBreakGlass : request.NewBreakGlass;
        return Overrides.Resolve(new Denial(DecisionReasons.RbacDenied, $"Argo CD RBAC: {decision.Message}"), requester, breakGlass, overridable: true, [], new Dictionary<string, string>());
    }
}
