using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Clusters;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// An AppProject compiled once into immutable matchers, answering Argo CD's project questions (may this repository,
/// destination or kind be used?) without I/O and without compiling anything per request.
/// </summary>
public sealed class CompiledProject
{
    /// <summary>The project Argo CD assumes when an application's <c>spec.project</c> is empty.</summary>
    public const string DefaultProjectName = "default";

    private readonly NegatableGlob[] sourceRepositories;
    private readonly CompiledDestination[] destinations;
    private readonly CompiledResourceRule[]? namespaceResourceWhitelist;
    private readonly CompiledResourceRule[] namespaceResourceBlacklist;
    private readonly CompiledResourceRule[]? clusterResourceWhitelist;
    private readonly CompiledResourceRule[] clusterResourceBlacklist;
    private readonly NamespacePatterns sourceNamespaces;
    private readonly DestinationServiceAccount[] destinationServiceAccounts;

    private CompiledProject(AppProject project)
    {
        Name = project.Metadata.Name ?? "";
        var spec = project.Spec;
        sourceRepositories = [.. (spec.SourceRepos ?? []).Select(pattern => NegatableGlob.Compile(pattern?.Trim(), '/', GitUrl.Normalize))];
        destinations =
        [
            .. (spec.Destinations ?? []).Select(destination => new CompiledDestination(
                NegatableGlob.Compile(destination.Server),
                NegatableGlob.Compile(destination.Name),
                NegatableGlob.Compile(destination.Namespace))),
        ];
        namespaceResourceWhitelist = spec.NamespaceResourceWhitelist?.Select(item => new CompiledResourceRule(item.Group, item.Kind)).ToArray();
        namespaceResourceBlacklist = [.. (spec.NamespaceResourceBlacklist ?? []).Select(item => new CompiledResourceRule(item.Group, item.Kind))];
        clusterResourceWhitelist = spec.ClusterResourceWhitelist?.Select(item => new CompiledResourceRule(item.Group, item.Kind, item.Name)).ToArray();
        clusterResourceBlacklist = [.. (spec.ClusterResourceBlacklist ?? []).Select(item => new CompiledResourceRule(item.Group, item.Kind, item.Name))];
        sourceNamespaces = NamespacePatterns.Compile(spec.SourceNamespaces);
        destinationServiceAccounts = ReadDestinationServiceAccounts(spec);
        PermitOnlyProjectScopedClusters = spec.AdditionalProperties is not null
            && spec.AdditionalProperties.TryGetValue("permitOnlyProjectScopedClusters", out var scoped)
            && scoped.ValueKind == JsonValueKind.True;
        SyncWindows = SyncWindow.Compile(spec.SyncWindows);

        List<RbacPermission> permissions = [];
        List<RbacRoleBinding> bindings = [];
        List<PolicyDiagnostic> diagnostics = [];
        CompileRoles(spec.Roles ?? [], permissions, bindings, diagnostics);
        RolePermissions = permissions;
        RoleBindings = bindings;
        Diagnostics = diagnostics;
    }

    public string Name { get; }

    /// <summary>Only clusters whose Secret names this project may be destinations (<c>permitOnlyProjectScopedClusters</c>).</summary>
    public bool PermitOnlyProjectScopedClusters { get; }

    /// <summary>The project's <c>syncWindows</c>, compiled (invalid ones carry their error).</summary>
    public IReadOnlyList<SyncWindow> SyncWindows { get; }

    /// <summary>The valid policies of the project's roles, plus the <c>get</c> on the project itself every role implicitly has.</summary>
    public IReadOnlyList<RbacPermission> RolePermissions { get; }

    /// <summary>One binding per (group, role) pair from the roles' <c>groups</c>.</summary>
    public IReadOnlyList<RbacRoleBinding> RoleBindings { get; }

    /// <summary>Roles, policies and groups that were ignored because they are malformed.</summary>
    public IReadOnlyList<PolicyDiagnostic> Diagnostics { get; }

    public static CompiledProject Compile(AppProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new CompiledProject(project);
    }

    public bool IsSourcePermitted(string? repoUrl) => EvaluateSource(repoUrl).Allowed;

    /// <summary>
    /// Argo CD's <c>IsAppNamespacePermitted</c>: an Application in Argo CD's own namespace (or with none yet) always is;
    /// one elsewhere only when <c>sourceNamespaces</c> matches its namespace.
    /// </summary>
    public bool IsAppNamespacePermitted(string? applicationNamespace, string argoCdNamespace) =>
        string.IsNullOrEmpty(applicationNamespace) || applicationNamespace == argoCdNamespace || sourceNamespaces.Matches(applicationNamespace);

    /// <summary>
    /// Argo CD's rule: a matching <c>!pattern</c> rejects at once; otherwise the repository is permitted when some entry
    /// matches. A <c>!pattern</c> that does not match counts as a match, so a list of only exclusions permits everything else.
    /// </summary>
    public PolicyDecision CheckSource(string? repoUrl)
    {
        var (allowed, entry) = EvaluateSource(repoUrl);
        if (allowed)
        {
            return new PolicyDecision(true, $"repository {repoUrl} is permitted in project {Name} by '{entry!.Text}'", entry.Text);
        }

        return entry is null
            ? new PolicyDecision(false, $"repository {repoUrl} is not permitted in project {Name}")
            : new PolicyDecision(false, $"repository {repoUrl} is not permitted in project {Name}: it is excluded by '{entry.Text}'", entry.Text);
    }

    public bool IsDestinationPermitted(string? server, string? name, string? destinationNamespace) =>
        EvaluateDestination(server ?? "", name ?? "", destinationNamespace ?? "", []).Allowed;

    /// <summary>
    /// An entry matches when (its server glob matches the server OR its name glob matches the name) AND its namespace glob
    /// matches. A <c>!</c> entry whose exclusion hits denies at once, so exclusions win over any allowing entry.
    /// Pass both server and name of the resolved cluster, as Argo CD does: an empty name never matches a name glob.
    /// </summary>
    /// <param name="withScopedClusterDestinations">
    /// Count the project's scoped clusters as destinations, as Argo CD does for Applications (GetAppProjectByName); its
    /// project update check asks the project as written.
    /// </param>
    public PolicyDecision CheckDestination(
        string? server, string? name, string? destinationNamespace, ClusterRegistry? clusters = null, bool withScopedClusterDestinations = true)
    {
        server ??= "";
        name ??= "";
        destinationNamespace ??= "";
        clusters ??= ClusterRegistry.Empty;
        var (allowed, entry) = EvaluateDestination(server, name, destinationNamespace, withScopedClusterDestinations ? clusters.ProjectDestinations(Name) : []);
        var destination = DescribeDestination(server, name, destinationNamespace);
        if (allowed && !IsScopedClusterSatisfied(server, name, clusters))
        {
            return new PolicyDecision(
                false,
                $"destination {destination} matches {entry}, but project {Name} sets permitOnlyProjectScopedClusters and no cluster Secret scoped to it (project: {Name}) has this name or server",
                entry!.ToString());
        }

        if (allowed)
        {
            return new PolicyDecision(true, $"destination {destination} is permitted in project {Name} by {entry}", entry!.ToString());
        }

        return entry is null
            ? new PolicyDecision(false, $"destination {destination} does not match any destination allowed in project {Name}")
            : new PolicyDecision(false, $"destination {destination} is not permitted in project {Name}: it is excluded by {entry}", entry.ToString());
    }

    public bool IsResourcePermitted(string? group, string kind, bool namespaced, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return EvaluateResource(group ?? "", kind, namespaced, name).Allowed;
    }

    /// <summary>
    /// Namespaced kinds: an unset namespaceResourceWhitelist allows all, an empty one allows none. Cluster-scoped kinds:
    /// an unset or empty clusterResourceWhitelist allows none. A blacklist entry always wins.
    /// </summary>
    public PolicyDecision CheckResource(string? group, string kind, bool namespaced, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        group ??= "";
        var (allowed, blacklisted, whitelisted) = EvaluateResource(group, kind, namespaced, name);
        var resource = DescribeResource(group, kind, namespaced, name);
        var (whitelist, listPrefix, scope) = namespaced
            ? (namespaceResourceWhitelist, "namespaceResource", "namespaced")
            : (clusterResourceWhitelist, "clusterResource", "cluster-scoped");

        if (blacklisted is not null)
        {
            return new PolicyDecision(false, $"{resource} is not permitted in project {Name}: it is in the {listPrefix}Blacklist as {blacklisted}", blacklisted.ToString());
        }

        if (whitelisted is not null)
        {
            return new PolicyDecision(true, $"{resource} is permitted in project {Name} by the {listPrefix}Whitelist entry {whitelisted}", whitelisted.ToString());
        }

        return (allowed, whitelist) switch
        {
            (true, _) => new PolicyDecision(true, $"{resource} is permitted in project {Name}: the namespaceResourceWhitelist is not set, which allows every namespaced kind"),
            (false, null) => new PolicyDecision(false, $"{resource} is not permitted in project {Name}: the {listPrefix}Whitelist is not set, which allows no {scope} kind"),
            (false, { Length: 0 }) => new PolicyDecision(false, $"{resource} is not permitted in project {Name}: the {listPrefix}Whitelist is empty, which allows no {scope} kind"),
            (false, _) => new PolicyDecision(false, $"{resource} is not permitted in project {Name}: it is not in the {listPrefix}Whitelist"),
        };
    }

    /// <summary>
    /// Checks an application against the project's limits: it belongs to this project, every source repository
    /// (each of <c>spec.sources</c> when set, otherwise <c>spec.source</c>) is permitted, and its destination is permitted.
    /// A destination given only by server or only by name is completed from <paramref name="clusters"/> (and the
    /// in-cluster cluster) the way Argo CD resolves it; a destination that resolves to no cluster is refused with Argo CD's error.
    /// </summary>
    public IReadOnlyList<PolicyViolation> CheckApplication(Application application, ClusterRegistry? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        List<PolicyViolation> violations = [];
        var spec = application.Spec;
        var applicationName = application.Metadata.Name ?? "";

        var applicationProject = string.IsNullOrEmpty(spec.Project) ? DefaultProjectName : spec.Project;
        if (applicationProject != Name)
        {
            violations.Add(new PolicyViolation("spec.project", $"application {applicationName} belongs to project {applicationProject}, not {Name}"));
        }

        if (spec.Sources is { Count: > 0 } sources)
        {
            for (var index = 0; index < sources.Count; index++)
            {
                CheckApplicationSource(sources[index], $"spec.sources[{index}]", violations);
            }
        }
        else if (spec.Source is { } source)
        {
            CheckApplicationSource(source, "spec.source", violations);
        }
        else
        {
            violations.Add(new PolicyViolation("spec.source", $"application {applicationName} has no source: set spec.source or spec.sources"));
        }

        CheckApplicationDestination(applicationName, spec.Destination, clusters ?? ClusterRegistry.Empty, violations);
        return violations;
    }

    /// <summary>
    /// Argo CD's <c>DeriveServiceAccountToImpersonate</c> when sync impersonation is enabled: the first
    /// <c>destinationServiceAccounts</c> entry whose server and namespace globs match the destination must name a valid
    /// service account; with no match, a sync fails when impersonation is enforced. Returns Argo CD's error, or null.
    /// </summary>
    public string? CheckImpersonation(string server, string destinationNamespace, bool enforced)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(destinationNamespace);
        foreach (var entry in destinationServiceAccounts)
        {
            if (!entry.Server.IsValid)
            {
                return $"failed to derive service account to impersonate: invalid glob pattern for destination server: '{entry.Server.Pattern}'";
            }

            if (!entry.Namespace.IsValid)
            {
                return $"failed to derive service account to impersonate: invalid glob pattern for destination namespace: '{entry.Namespace.Pattern}'";
            }

            if (entry.Server.IsMatch(server) && entry.Namespace.IsMatch(destinationNamespace))
            {
                var account = entry.DefaultServiceAccount;
                return account.Trim(' ').Length == 0 || account.AsSpan().IndexOfAny("!*[]{}\\/") >= 0
                    ? $"failed to derive service account to impersonate: default service account contains invalid chars '{account}'"
                    : null;
            }
        }

        return enforced ? $"no matching service account found for destination server {server} and namespace {destinationNamespace}" : null;
    }

    private static DestinationServiceAccount[] ReadDestinationServiceAccounts(AppProjectSpec spec)
    {
        if (spec.AdditionalProperties is null
            || !spec.AdditionalProperties.TryGetValue("destinationServiceAccounts", out var list)
            || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return
        [
            .. list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(item => new DestinationServiceAccount(
                GlobPattern.Compile(Text(item, "server")),
                GlobPattern.Compile(Text(item, "namespace")),
                Text(item, "defaultServiceAccount"))),
        ];

        static string Text(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
    }

    private (bool Allowed, NegatableGlob? Entry) EvaluateSource(string? repoUrl)
    {
        var normalized = GitUrl.Normalize(repoUrl);
        NegatableGlob? firstMatch = null;
        foreach (var entry in sourceRepositories)
        {
            if (entry.Evaluate(normalized))
            {
                firstMatch ??= entry;
            }
            else if (entry.IsNegated)
            {
                return (false, entry);
            }
        }

        return (firstMatch is not null, firstMatch);
    }

    /// <summary><see cref="CheckDestination"/>'s answer without its sentence, for the checks that explain only a refusal.</summary>
    private bool IsDestinationAllowed(string server, string name, string destinationNamespace, ClusterRegistry clusters) =>
        EvaluateDestination(server, name, destinationNamespace, clusters.ProjectDestinations(Name)).Allowed && IsScopedClusterSatisfied(server, name, clusters);

    private bool IsScopedClusterSatisfied(string server, string name, ClusterRegistry clusters) =>
        !PermitOnlyProjectScopedClusters || clusters.ProjectClusters(Name).Any(cluster => cluster.Name == name || cluster.Server == server);

    // The deny conditions mirror Argo CD's boolean expression exactly, including that an excluded name denies whatever
    // the namespace, while an excluded server or namespace only denies together with a match on the other field.
    // Project-scoped clusters count as further destinations (Argo CD's GetAppProjectByName appends them).
    private (bool Allowed, CompiledDestination? Entry) EvaluateDestination(
        string server, string name, string destinationNamespace, IReadOnlyList<CompiledDestination> scopedClusterDestinations)
    {
        CompiledDestination? firstMatch = null;
        for (var index = 0; index < destinations.Length + scopedClusterDestinations.Count; index++)
        {
            var entry = index < destinations.Length ? destinations[index] : scopedClusterDestinations[index - destinations.Length];
            var nameMatched = name.Length > 0 && entry.Name.Evaluate(name);
            var serverMatched = server.Length > 0 && entry.Server.Evaluate(server);
            var namespaceMatched = entry.Namespace.Evaluate(destinationNamespace);

            if ((serverMatched || nameMatched) && namespaceMatched)
            {
                firstMatch ??= entry;
            }
            else if ((!nameMatched && entry.Name.IsNegated) || (!serverMatched && entry.Server.IsNegated && namespaceMatched))
            {
                return (false, entry);
            }
            else if (!namespaceMatched && entry.Namespace.IsNegated && serverMatched)
            {
                return (false, entry);
            }
        }

        return (firstMatch is not null, firstMatch);
    }

    private (bool Allowed, CompiledResourceRule? Blacklisted, CompiledResourceRule? Whitelisted) EvaluateResource(
        string group, string kind, bool namespaced, string? name)
    {
        var (whitelist, blacklist) = namespaced
            ? (namespaceResourceWhitelist, namespaceResourceBlacklist)
            : (clusterResourceWhitelist, clusterResourceBlacklist);
        var blacklisted = FindMatch(blacklist, group, kind, name);
        var whitelisted = whitelist is null ? null : FindMatch(whitelist, group, kind, name);
        var isWhitelisted = whitelisted is not null || (namespaced && whitelist is null);
        return (isWhitelisted && blacklisted is null, blacklisted, whitelisted);
    }

    private static CompiledResourceRule? FindMatch(CompiledResourceRule[] rules, string group, string kind, string? name)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(group, kind, name))
            {
                return rule;
            }
        }

        return null;
    }

    private void CheckApplicationSource(ApplicationSource source, string field, List<PolicyViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(source.RepoUrl))
        {
            violations.Add(new PolicyViolation($"{field}.repoURL", $"{field}.repoURL is required"));
            return;
        }

        // Most applications pass: the sentence is formatted only for a refusal.
        if (!EvaluateSource(source.RepoUrl).Allowed)
        {
            violations.Add(new PolicyViolation($"{field}.repoURL", CheckSource(source.RepoUrl).Message));
        }
    }

    private void CheckApplicationDestination(
        string applicationName, ApplicationDestination? destination, ClusterRegistry clusters, List<PolicyViolation> violations)
    {
        var resolution = clusters.Resolve(destination);
        if (resolution.Cluster is not { } cluster)
        {
            violations.Add(new PolicyViolation("spec.destination", $"application destination spec for {applicationName} is invalid: {resolution.Error}"));
            return;
        }

        // Argo CD matches the resolved cluster's server and name, not what the Application wrote.
        if (!IsDestinationAllowed(cluster.Server, cluster.Name, destination?.Namespace ?? "", clusters))
        {
            violations.Add(new PolicyViolation("spec.destination", CheckDestination(cluster.Server, cluster.Name, destination?.Namespace, clusters).Message));
        }
    }

    private void CompileRoles(IList<ProjectRole> roles, List<RbacPermission> permissions, List<RbacRoleBinding> bindings, List<PolicyDiagnostic> diagnostics)
    {
        HashSet<string> roleNames = new(StringComparer.Ordinal);
        for (var roleIndex = 0; roleIndex < roles.Count; roleIndex++)
        {
            var role = roles[roleIndex];
            var roleField = $"AppProject {Name} spec.roles[{roleIndex}]";
            if (!ProjectRoleValidator.IsValidRoleName(role.Name))
            {
                diagnostics.Add(new PolicyDiagnostic(roleField, role.Name, "a role name must be letters, digits, '-' or '_', starting and ending with a letter or digit"));
                continue;
            }

            if (!roleNames.Add(role.Name))
            {
                diagnostics.Add(new PolicyDiagnostic(roleField, role.Name, "the role is defined twice; only the first definition counts"));
                continue;
            }

            var subject = $"proj:{Name}:{role.Name}";
            var roleOrigin = $"AppProject {Name} role {role.Name}";
            permissions.Add(new RbacPermission(subject, "projects", "get", Name, RbacEffect.Allow, roleOrigin));

            var policies = role.Policies ?? [];
            for (var policyIndex = 0; policyIndex < policies.Count; policyIndex++)
            {
                var permission = ProjectRoleValidator.ParsePolicy(Name, role.Name, policies[policyIndex], roleOrigin, out var reason);
                if (permission is null)
                {
                    diagnostics.Add(new PolicyDiagnostic($"{roleField}.policies[{policyIndex}]", policies[policyIndex] ?? "", reason!));
                }
                else
                {
                    permissions.Add(permission);
                }
            }

            var groups = role.Groups ?? [];
            for (var groupIndex = 0; groupIndex < groups.Count; groupIndex++)
            {
                var group = ProjectRoleValidator.NormalizeGroup(groups[groupIndex], out var reason);
                if (group is null)
                {
                    diagnostics.Add(new PolicyDiagnostic($"{roleField}.groups[{groupIndex}]", groups[groupIndex] ?? "", reason!));
                }
                else
                {
                    bindings.Add(new RbacRoleBinding(group, subject, roleOrigin));
                }
            }
        }
    }

    private static string DescribeDestination(string server, string name, string destinationNamespace)
    {
        var cluster = (server.Length > 0, name.Length > 0) switch
        {
            (true, true) => $"server '{server}' (name '{name}')",
            (true, false) => $"server '{server}'",
            (false, true) => $"name '{name}'",
            _ => "with no cluster",
        };
        return $"{cluster}, namespace '{destinationNamespace}'";
    }

    private static string DescribeResource(string group, string kind, bool namespaced, string? name)
    {
        var groupKind = group.Length == 0 ? kind : $"{group}/{kind}";
        var scope = namespaced ? "namespaced resource" : "cluster-scoped resource";
        return string.IsNullOrEmpty(name) ? $"{scope} {groupKind}" : $"{scope} {groupKind} '{name}'";
    }
}
