using Tollgate.Shared.Admission.Review;
using Tollgate.Webhooks.ApplicationSets;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: an ApplicationSet written with kubectl, held to Argo CD's ApplicationSet API (server/applicationset): its
/// namespace must be one Argo CD serves; humans need <c>applicationsets</c> <c>create</c>, <c>update</c> (and, moving
/// to another project, <c>create</c> in the new one and <c>update</c> in the old one) or <c>delete</c> on
/// <c>&lt;project&gt;/&lt;name&gt;</c> (<c>&lt;project&gt;/&lt;namespace&gt;/&lt;name&gt;</c> outside Argo CD's
/// namespace), admins bypass (counted), break-glass may override; and every template a generator renders with must
/// name an existing project the ApplicationSet's namespace may use, with literal repositories and destination inside
/// it (for everyone but system identities). Values generators fill in (<c>{{...}}</c>) pass with a warning.
/// </summary>
public static class ApplicationSetDecider
{
    public static AdmissionDecision Decide(ApplicationSetRequest request, PolicySnapshot policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var requester = request.Requester;
        if (requester.Kind == IdentityKind.System)
        {
            return AdmissionDecision.Allow(DecisionReasons.SystemIdentity);
        }

        var isDelete = request.Operation == AdmissionOperations.Delete;
        var applicationSet = isDelete ? request.Old : request.New;
        if (applicationSet is null)
        {
            return isDelete
                ? AdmissionDecision.Allow(DecisionReasons.Allowed)
                : AdmissionDecision.Deny(DecisionReasons.Unreadable, "the request carries no ApplicationSet");
        }

        List<string> warnings = [];
        if (!isDelete && (request.Operation == AdmissionOperations.Create || request.SpecChanged))
        {
            if (CheckTemplates(applicationSet, policy, request.ArgoCdNamespace, warnings) is { } denial)
            {
                return AdmissionDecision.Deny(denial.Reason, denial.Message);
            }
        }

        if (requester.Kind == IdentityKind.Controller)
        {
            return AdmissionDecision.Allow(DecisionReasons.ControllerIdentity, warnings);
        }

        foreach (var (target, action, why) in Permissions(request, applicationSet))
        {
            var rbacObject = RbacObjects.For(target.ProjectName, target.Namespace, target.Name, request.ArgoCdNamespace);
            var decision = policy.Enforcer.Enforce(requester.Subject, "applicationsets", action, rbacObject);
            if (decision.Allowed)
            {
                continue;
            }

            var denial = new Denial(DecisionReasons.RbacDenied, why is null ? $"Argo CD RBAC: {decision.Message}" : $"Argo CD RBAC: {decision.Message} ({why})");
            var breakGlass = isDelete ? request.OldBreakGlass : request.NewBreakGlass;
            return Overrides.Resolve(denial, requester, breakGlass, overridable: true, warnings, new Dictionary<string, string>());
        }

        return AdmissionDecision.Allow(DecisionReasons.Allowed, warnings);
    }

    /// <summary>Argo CD's RBAC checks for the write, in its order (Create, Create with upsert, updateAppSet, Delete).</summary>
    public static IReadOnlyList<(ApplicationSetView Target, string Action, string? Why)> Permissions(ApplicationSetRequest request, ApplicationSetView applicationSet)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(applicationSet);
        if (request.Operation == AdmissionOperations.Create)
        {
            return [(applicationSet, "create", null)];
        }

        if (request.Operation == AdmissionOperations.Delete)
        {
            return [(applicationSet, "delete", null)];
        }

        if (request.Old is { } old && old.ProjectName != applicationSet.ProjectName)
        {
            var moving = $"moving an ApplicationSet from project {old.ProjectName} to {applicationSet.ProjectName} needs update in both and create in {applicationSet.ProjectName}";
            return [(applicationSet, "update", moving), (applicationSet, "create", moving), (old, "update", moving)];
        }

        return [(applicationSet, "update", null)];
    }

    private static Denial? CheckTemplates(ApplicationSetView applicationSet, PolicySnapshot policy, string argoCdNamespace, List<string> warnings)
    {
        var name = applicationSet.Name;
        if (applicationSet.Namespace.Length > 0 && !policy.ArgoCd.IsApplicationNamespaceEnabled(applicationSet.Namespace, argoCdNamespace))
        {
            return new Denial(
                DecisionReasons.NamespaceNotPermitted,
                $"applicationset {name}: namespace '{applicationSet.Namespace}' is not permitted: Argo CD serves ApplicationSets only in {argoCdNamespace} and the namespaces " +
                $"application.namespaces in argocd-cmd-params-cm names ('{policy.ArgoCd.ApplicationNamespacesText}')");
        }

        if (applicationSet.HasTemplatePatch)
        {
            warnings.Add($"applicationset {name}: spec.templatePatch is applied per generated Application and cannot be checked at admission; Tollgate checks each generated Application when it is written");
        }

        foreach (var template in applicationSet.Templates)
        {
            if (TemplateText.IsTemplated(template.Project))
            {
                warnings.Add($"applicationset {name}: {template.Path}.spec.project '{template.Project}' is filled in by the generators, so the project cannot be checked at admission; Tollgate checks each generated Application when it is written");
                continue;
            }

            var project = policy.Project(template.ProjectName);
            if (project is null)
            {
                return new Denial(DecisionReasons.ProjectMissing, $"ApplicationSet references project {template.ProjectName} which does not exist ({template.Path}.spec.project)");
            }

            // Argo CD creates the generated Applications in the ApplicationSet's namespace.
            if (!project.IsAppNamespacePermitted(applicationSet.Namespace, argoCdNamespace))
            {
                return new Denial(
                    DecisionReasons.NamespaceNotPermitted,
                    $"applicationset {name} may not use project {project.Name} ({template.Path}.spec.project): its namespace '{applicationSet.Namespace}', where the Applications are created, is not in the project's sourceNamespaces");
            }

            if (CheckTemplateLimits(name, template, project, policy, warnings) is { } denial)
            {
                return denial;
            }
        }

        return null;
    }

    private static Denial? CheckTemplateLimits(string name, EffectiveTemplate template, CompiledProject project, PolicySnapshot policy, List<string> warnings)
    {
        foreach (var source in template.Sources)
        {
            if (TemplateText.IsTemplated(source.RepoUrl))
            {
                warnings.Add($"applicationset {name}: {source.Field} '{source.RepoUrl}' is filled in by the generators and cannot be checked against project {project.Name} at admission");
                continue;
            }

            var decision = project.CheckSource(source.RepoUrl);
            if (!decision.Allowed)
            {
                return new Denial(DecisionReasons.SourceNotPermitted, $"applicationset {name} breaks the limits of project {project.Name}: {source.Field}: {decision.Message}");
            }
        }

        var destination = template.Destination;
        if (TemplateText.IsTemplated(destination.Server) || TemplateText.IsTemplated(destination.Name) || TemplateText.IsTemplated(destination.Namespace))
        {
            warnings.Add($"applicationset {name}: {template.Path}.spec.destination is filled in by the generators and cannot be checked against project {project.Name} at admission");
            return null;
        }

        var resolution = policy.Clusters.Resolve(destination);
        if (resolution.Cluster is not { } cluster)
        {
            return new Denial(DecisionReasons.DestinationNotPermitted, $"applicationset {name}: {template.Path}.spec.destination is invalid: {resolution.Error}");
        }

        var permitted = project.CheckDestination(cluster.Server, cluster.Name, destination.Namespace, policy.Clusters);
        return permitted.Allowed
            ? null
            : new Denial(DecisionReasons.DestinationNotPermitted, $"applicationset {name} breaks the limits of project {project.Name}: {template.Path}.spec.destination: {permitted.Message}");
    }
}
