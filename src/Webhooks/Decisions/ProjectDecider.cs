using Tollgate.Shared.Admission.Review;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: an AppProject written with kubectl, held to Argo CD's project API (server/project): a created or re-specified
/// project must pass Argo CD's validation (<see cref="ProjectValidator"/>) whoever writes it, except system identities;
/// the project <c>default</c> and a project Applications still name cannot be deleted; humans need <c>projects</c>
/// <c>create</c>, <c>update</c> or <c>delete</c> on the project's name and, for an update, what
/// <see cref="ProjectUpdateRules"/> lists (admins bypass, counted; break-glass may override); an update may not leave
/// the project's Applications with a source or destination it no longer permits.
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
        List<(string Resource, string Action, string Object, string? Why)> permissions = [("projects", action, name, null)];
        var isSpecUpdate = request.Operation == AdmissionOperations.Update && request.SpecChanged && request.Old is not null;
        if (isSpecUpdate)
        {
            permissions.AddRange(ProjectUpdateRules.Permissions(request.Old!, project).Select(p => (p.Resource, p.Action, p.Object, (string?)p.Why)));
        }

        var breakGlass = request.Operation == AdmissionOperations.Delete ? request.OldBreakGlass : request.NewBreakGlass;
        AdmissionDecision? bypassed = null;
        foreach (var (resource, permission, rbacObject, why) in permissions)
        {
            var decision = policy.Enforcer.Enforce(requester.Subject, resource, permission, rbacObject);
            if (decision.Allowed)
            {
                continue;
            }

            var denial = new Denial(DecisionReasons.RbacDenied, why is null ? $"Argo CD RBAC: {decision.Message}" : $"Argo CD RBAC: {decision.Message} ({why})");
            var resolved = Overrides.Resolve(denial, requester, breakGlass, overridable: true, [], new Dictionary<string, string>());
            if (!resolved.Allowed)
            {
                return resolved;
            }

            // An admin or break-glass passes the role checks, not Argo CD's refusal below.
            bypassed = resolved;
            break;
        }

        if (isSpecUpdate && ProjectUpdateRules.InvalidatedApplications(request.Old!, project, request.Applications, policy.Clusters) is { } invalidated)
        {
            return AdmissionDecision.Deny(DecisionReasons.ProjectInUse, $"Argo CD refuses to update AppProject {name}: {invalidated}", 400);
        }

        return bypassed ?? AdmissionDecision.Allow(DecisionReasons.Allowed);
    }
}
