using System.Collections.Frozen;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// Argo CD's RBAC decision, compiled once from the built-in policy, the global policy (argocd-rbac-cm) and the project
/// roles, and immutable afterwards.
/// </summary>
/// <remarks>
/// Order of evaluation, as in Argo CD's API server:
/// <list type="number">
/// <item>A project token subject (<c>proj:&lt;project&gt;:&lt;role&gt;</c>) acting on a known project is judged on its own: it may only act on its own project.</item>
/// <item>The default role (<c>policy.default</c>) is evaluated; if it allows, the request is allowed.</item>
/// <item>The user is evaluated with every role it inherits through <c>g</c> lines.</item>
/// <item>Each of the user's groups that is the member of some <c>g</c> line is evaluated the same way.</item>
/// </list>
/// Within one subject a matching deny overrides any matching allow; across subjects any allow suffices. Project roles and
/// their group bindings join the rules only for requests whose object belongs to that project (<c>&lt;project&gt;/...</c>
/// for project-scoped resources, <c>&lt;project&gt;</c> for <c>projects</c>).
/// </remarks>
public sealed class RbacEnforcer
{
    private readonly RbacRuleSet globalRules;
    private readonly FrozenDictionary<string, RbacRuleSet> projectRules;
    private readonly FrozenDictionary<string, RbacRuleSet>.AlternateLookup<ReadOnlySpan<char>> projectRulesBySpan;

    private RbacEnforcer(string? defaultRole, RbacRuleSet globalRules, FrozenDictionary<string, RbacRuleSet> projectRules, IReadOnlyList<PolicyDiagnostic> diagnostics)
    {
        DefaultRole = defaultRole;
        this.globalRules = globalRules;
        this.projectRules = projectRules;
        projectRulesBySpan = projectRules.GetAlternateLookup<ReadOnlySpan<char>>();
        Diagnostics = diagnostics;
    }

    public string? DefaultRole { get; }

    /// <summary>Everything ignored while compiling: bad policy lines, bad project role entries, invalid regular expressions.</summary>
    public IReadOnlyList<PolicyDiagnostic> Diagnostics { get; }

    public static RbacEnforcer Create(RbacPolicy policy, IEnumerable<CompiledProject>? projects = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        List<PolicyDiagnostic> diagnostics = [.. policy.Diagnostics];
        var globalRuleList = Compile([.. BuiltinRbacPolicy.Permissions, .. policy.Permissions], policy.MatchMode, diagnostics);
        var globalBindings = BuiltinRbacPolicy.Bindings.Concat(policy.Bindings).ToArray();

        Dictionary<string, RbacRuleSet> perProject = new(StringComparer.Ordinal);
        foreach (var project in projects ?? [])
        {
            diagnostics.AddRange(project.Diagnostics);
            var projectRuleList = Compile(project.RolePermissions, policy.MatchMode, diagnostics);
            perProject[project.Name] = new RbacRuleSet(globalRuleList.Concat(projectRuleList), globalBindings.Concat(project.RoleBindings));
        }

        return new RbacEnforcer(
            policy.DefaultRole,
            new RbacRuleSet(globalRuleList, globalBindings),
            perProject.ToFrozenDictionary(StringComparer.Ordinal),
            diagnostics);
    }

    public bool IsAllowed(RbacSubject subject, string resource, string action, string @object) =>
        Enforce(subject, resource, action, @object).Allowed;

    public RbacDecision Enforce(RbacSubject subject, string resource, string action, string @object)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(@object);
        var request = new RbacRequestText(action, resource, @object);

        var project = ProjectOf(resource, @object);
        var rules = globalRules;
        if (project.Length > 0 && projectRulesBySpan.TryGetValue(project, out var withProjectRoles))
        {
            rules = withProjectRoles;
            if (TryGetTokenProject(subject.User, out var tokenProject))
            {
                if (!project.SequenceEqual(tokenProject))
                {
                    return new RbacDecision(false, $"{subject.User} may not {request}: a token of project {tokenProject} cannot act on project {project}", null, null);
                }

                return Decide(rules, subject, request, resource, action, @object, includeGroups: false);
            }
        }

        return Decide(rules, subject, request, resource, action, @object, includeGroups: true);
    }

    private RbacDecision Decide(RbacRuleSet rules, RbacSubject subject, RbacRequestText request, string resource, string action, string @object, bool includeGroups)
    {
        (RbacPermission Rule, string Subject)? firstDeny = null;

        if (DefaultRole is not null)
        {
            var evaluation = rules.Evaluate(DefaultRole, resource, action, @object);
            if (evaluation.Allowed)
            {
                return Allowed(subject, request, evaluation.Allow!, $"the default role {DefaultRole}");
            }
        }

        var userEvaluation = rules.Evaluate(subject.User, resource, action, @object);
        if (userEvaluation.Allowed)
        {
            return Allowed(subject, request, userEvaluation.Allow!, subject.User);
        }

        if (userEvaluation.Deny is not null)
        {
            firstDeny = (userEvaluation.Deny, subject.User);
        }

        if (includeGroups)
        {
            foreach (var group in subject.Groups)
            {
                if (!rules.IsBoundMember(group))
                {
                    continue;
                }

                var groupEvaluation = rules.Evaluate(group, resource, action, @object);
                if (groupEvaluation.Allowed)
                {
                    return Allowed(subject, request, groupEvaluation.Allow!, $"group {group}");
                }

                if (firstDeny is null && groupEvaluation.Deny is not null)
                {
                    firstDeny = (groupEvaluation.Deny, $"group {group}");
                }
            }
        }

        if (firstDeny is { } deny)
        {
            return new RbacDecision(false, $"{subject.User} may not {request}: denied to {deny.Subject} by '{deny.Rule}' ({deny.Rule.Origin})", deny.Rule, deny.Subject);
        }

        var groups = includeGroups && subject.Groups.Count > 0 ? $" or their groups ({string.Join(", ", subject.Groups)})" : "";
        var defaultRole = DefaultRole is null ? "" : $" or the default role {DefaultRole}";
        return new RbacDecision(false, $"{subject.User} may not {request}: no policy allows it to the user{groups}{defaultRole}", null, null);
    }

    private static RbacDecision Allowed(RbacSubject subject, RbacRequestText request, RbacPermission rule, string decidingSubject) =>
        new(true, decision => $"{subject.User} may {request}: allowed to {decision.DecidingSubject} by '{decision.DecidingRule}' ({decision.DecidingRule!.Origin})", rule, decidingSubject);

    /// <summary>The project a request is about, as Argo CD reads it from the object; empty when it is not about one.</summary>
    private static ReadOnlySpan<char> ProjectOf(string resource, string @object)
    {
        if (resource == "projects")
        {
            return @object;
        }

        if (!ProjectRoleValidator.ProjectScopedResources.Contains(resource))
        {
            return [];
        }

        var slash = @object.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? [] : @object.AsSpan(0, slash);
    }

    private static bool TryGetTokenProject(string user, out string project)
    {
        project = "";
        if (!user.StartsWith("proj:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = user.Split(':');
        if (parts.Length != 3)
        {
            return false;
        }

        project = parts[1];
        return true;
    }

    private static List<CompiledRbacRule> Compile(IEnumerable<RbacPermission> permissions, RbacMatchMode matchMode, List<PolicyDiagnostic> diagnostics)
    {
        List<CompiledRbacRule> compiled = [];
        foreach (var permission in permissions)
        {
            var rule = CompiledRbacRule.Compile(permission, matchMode, out var reason);
            if (rule is null)
            {
                diagnostics.Add(new PolicyDiagnostic(permission.Origin, permission.ToString(), $"not a valid regular expression: {reason}"));
            }
            else
            {
                compiled.Add(rule);
            }
        }

        return compiled;
    }
}
