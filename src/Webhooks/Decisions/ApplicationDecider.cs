using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Clusters;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: Application CREATE, UPDATE and DELETE against the compiled projects, RBAC and argocd-cm, with Argo CD's API
/// rules (server/application): the project must exist and its limits hold for everyone; humans need <c>create</c>,
/// <c>update</c> or <c>delete</c>, <c>create</c> and <c>update</c> in the new project plus <c>update</c> in the old one
/// to move an application, and for a write that sets <c>.operation</c> what Argo CD's sync API demands
/// (<see cref="SyncRules"/>), on top of <c>update</c> when the same write changes anything else. Admins bypass the role
/// checks (counted), break-glass may override them; Argo CD's refusals hold for both.
/// </summary>
public static class ApplicationDecider
{
    public const string CreateWithOperationWhy =
        "Argo CD's API drops .operation from a created application, so creating one that carries .operation needs sync as well as create";

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
                : Run(request, policy, [ApplicationCheck.Permission(request.Old, "delete")], request.OldBreakGlass);
        }

        var application = request.New;
        if (application is null)
        {
            return AdmissionDecision.Deny(DecisionReasons.Unreadable, "the request carries no Application");
        }

        if (request.Operation == AdmissionOperations.Create || request.SpecChanged)
        {
            var limits = CheckLimits(application, policy, request.ArgoCdNamespace);
            if (limits is not null)
            {
                return AdmissionDecision.Deny(limits.Reason, limits.Message);
            }
        }

        return Run(request, policy, Checks(request, application, policy), request.NewBreakGlass);
    }

    /// <summary>Argo CD's checks for a CREATE or UPDATE, in the order its API makes them.</summary>
    public static IReadOnlyList<ApplicationCheck> Checks(ApplicationRequest request, Application application, PolicySnapshot policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(policy);
        List<ApplicationCheck> checks = [];
        var old = request.Operation == AdmissionOperations.Update ? request.Old : null;
        if (request.Operation == AdmissionOperations.Create)
        {
            checks.Add(ApplicationCheck.Permission(application, "create"));
        }
        else if (old is not null && ProjectOf(old) != ProjectOf(application))
        {
            var moving = $"moving an application from project {ProjectOf(old)} to {ProjectOf(application)} needs update in both and create in {ProjectOf(application)}";
            checks.Add(ApplicationCheck.Permission(old, "update", moving));
            checks.Add(ApplicationCheck.Permission(application, "update", moving));
            checks.Add(ApplicationCheck.Permission(application, "create", moving));
        }
        else if (!request.OperationOnly)
        {
            checks.Add(ApplicationCheck.Permission(application, "update"));
        }

        if (application.Operation is { } operation && (old is null || !JsonComparison.NullableEquals(old.Operation, operation)))
        {
            // Argo CD's sync API asks the sync windows first, for every caller.
            if (policy.Project(ProjectOf(application)) is { } project
                && SyncWindows.CheckManualSync(
                    project.SyncWindows,
                    application.Metadata.Name ?? "",
                    application.Spec.Destination?.Server,
                    application.Spec.Destination?.Name,
                    application.Spec.Destination?.Namespace,
                    request.Now) is { } block)
            {
                checks.Add(ApplicationCheck.RefuseByWindow(block));
                return checks;
            }

            foreach (var check in SyncRules.Checks(application, RequestedSync.From(operation), policy.ArgoCd))
            {
                checks.Add(request.Operation == AdmissionOperations.Create && check is { Action: "sync", Why: null }
                    ? check with { Why = CreateWithOperationWhy }
                    : check);
            }
        }

        return checks;
    }

    private static AdmissionDecision Run(ApplicationRequest request, PolicySnapshot policy, IReadOnlyList<ApplicationCheck> checks, string? breakGlass)
    {
        var requester = request.Requester;
        if (requester.Kind == IdentityKind.Controller)
        {
            return AdmissionDecision.Allow(DecisionReasons.ControllerIdentity);
        }

        AdmissionDecision? bypassed = null;
        foreach (var check in checks)
        {
            if (check.Window is { } window)
            {
                return AdmissionDecision.Deny(DecisionReasons.SyncWindow, $"Argo CD refuses this sync in project {ProjectOf(request.New!)}: {window.Message}") with { SyncWindow = window };
            }

            if (check.Refusal is { } refusal)
            {
                return AdmissionDecision.Deny(DecisionReasons.SyncRefused, $"Argo CD refuses this sync: {refusal}");
            }

            if (bypassed is not null)
            {
                continue;
            }

            var target = check.Application!;
            var rbacObject = RbacObjects.For(ProjectOf(target), target.Metadata.Namespace ?? "", target.Metadata.Name ?? "", request.ArgoCdNamespace);
            var decision = policy.Enforcer.Enforce(requester.Subject, "applications", check.Action!, rbacObject);
            if (decision.Allowed)
            {
                continue;
            }

            var denial = new Denial(
                DecisionReasons.RbacDenied,
                check.Why is null ? $"Argo CD RBAC: {decision.Message}" : $"Argo CD RBAC: {decision.Message} ({check.Why})");
            var resolved = Overrides.Resolve(denial, requester, breakGlass, overridable: true, [], new Dictionary<string, string>());
            if (!resolved.Allowed)
            {
                return resolved;
            }

            // An admin or break-glass passes the role checks, not the refusals that may follow.
            bypassed = resolved;
        }

        return bypassed ?? AdmissionDecision.Allow(DecisionReasons.Allowed);
    }

    private static Denial? CheckLimits(Application application, PolicySnapshot policy, string argoCdNamespace)
    {
        var name = application.Metadata.Name ?? "";
        var applicationNamespace = application.Metadata.Namespace ?? "";
        if (applicationNamespace.Length > 0 && !policy.ArgoCd.IsApplicationNamespaceEnabled(applicationNamespace, argoCdNamespace))
        {
            return new Denial(
                DecisionReasons.NamespaceNotPermitted,
                $"application {name}: namespace '{applicationNamespace}' is not permitted: Argo CD serves Applications only in {argoCdNamespace} and the namespaces " +
                $"{ArgoCdConfig.ApplicationNamespacesKey} in {ArgoCdConfig.CmdParamsConfigMapName} names ('{policy.ArgoCd.ApplicationNamespacesText}')");
        }

        var projectName = ProjectOf(application);
        var project = policy.Project(projectName);
        if (project is null)
        {
            return new Denial(DecisionReasons.ProjectMissing, $"application {name} references project {projectName}, which does not exist");
        }

        if (!project.IsAppNamespacePermitted(applicationNamespace, argoCdNamespace))
        {
            return new Denial(
                DecisionReasons.NamespaceNotPermitted,
                $"application {name} is not allowed in project {projectName}: its namespace '{applicationNamespace}' is not in the project's sourceNamespaces");
        }

        var violations = project.CheckApplication(application, policy.Clusters);
        if (violations.Count == 0)
        {
            return CheckImpersonation(application, project, policy);
        }

        var first = violations[0].Field;
        var reason = first.EndsWith("repoURL", StringComparison.Ordinal) ? DecisionReasons.SourceNotPermitted
            : first == "spec.destination" ? DecisionReasons.DestinationNotPermitted
            : DecisionReasons.InvalidApplication;
        return new Denial(
            reason,
            $"application {name} breaks the limits of project {projectName}: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}"))}");
    }

    private static Denial? CheckImpersonation(Application application, CompiledProject project, PolicySnapshot policy)
    {
        if (!policy.ArgoCd.ImpersonationEnabled)
        {
            return null;
        }

        // The limits passed, so the destination resolves; Argo CD matches the resolved cluster's server.
        var destination = application.Spec.Destination;
        var server = policy.Clusters.Resolve(destination).Cluster?.Server ?? "";
        var error = project.CheckImpersonation(server, destination?.Namespace ?? "", policy.ArgoCd.ImpersonationEnforced);
        return error is null
            ? null
            : new Denial(
                DecisionReasons.DestinationServiceAccount,
                $"application {application.Metadata.Name} cannot be synced with {ArgoCdConfig.ImpersonationEnabledKey} in {ArgoCdConfig.ConfigMapName}: {error} (project {project.Name} destinationServiceAccounts)");
    }

    private static string ProjectOf(Application application) =>
        string.IsNullOrEmpty(application.Spec.Project) ? CompiledProject.DefaultProjectName : application.Spec.Project;
}
