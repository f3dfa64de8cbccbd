using System.Collections.Frozen;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Clusters;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Caches;

/// <summary>
/// Everything compiled from the AppProjects, argocd-rbac-cm, argocd-cm and the cluster Secrets at one moment: immutable, swapped as a whole when one
/// of them changes, so a request reads a consistent view without locks.
/// </summary>
public sealed class PolicySnapshot
{
    private readonly FrozenDictionary<string, CompiledProjectEntry> projects;
    private readonly RbacPolicy rbacPolicy;

    public PolicySnapshot(IReadOnlyDictionary<string, CompiledProjectEntry> projects, RbacPolicy rbacPolicy, ArgoCdConfig? argoCd = null, ClusterRegistry? clusters = null)
    {
        Clusters = clusters ?? ClusterRegistry.Empty;
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(rbacPolicy);
        this.rbacPolicy = rbacPolicy;
        ArgoCd = argoCd ?? ArgoCdConfig.Default;
        this.projects = projects.ToFrozenDictionary(StringComparer.Ordinal);
        Enforcer = RbacEnforcer.Create(rbacPolicy, this.projects.Values.Select(p => p.Project));
    }

    public static PolicySnapshot Empty { get; } = new(new Dictionary<string, CompiledProjectEntry>(), RbacPolicy.Empty);

    public RbacEnforcer Enforcer { get; }

    /// <summary>What argocd-cm says about syncs.</summary>
    public ArgoCdConfig ArgoCd { get; }

    /// <summary>The clusters Argo CD's cluster Secrets register.</summary>
    public ClusterRegistry Clusters { get; }

    public int ProjectCount => projects.Count;

    public CompiledProject? Project(string? name) =>
        projects.TryGetValue(string.IsNullOrEmpty(name) ? CompiledProject.DefaultProjectName : name, out var entry) ? entry.Project : null;

    /// <summary>
    /// Project resource lists for an object created in <paramref name="namespace"/>: the tracking Application's project
    /// when known, otherwise every project whose destinations name the namespace (one permitting is enough). Null when
    /// no project has a say.
    /// </summary>
    public PolicyDecision? CheckNamespacedResource(string @namespace, string group, string kind, string? trackedProject)
    {
        if (trackedProject is not null)
        {
            return Project(trackedProject)?.CheckResource(group, kind, namespaced: true);
        }

        PolicyDecision? firstDenial = null;
        foreach (var entry in projects.Values)
        {
            if (!entry.ClaimsAnyNamespace
                || !entry.NamespaceClaims.IsDestinationPermitted(ArgoCluster.InCluster.Server, ArgoCluster.InCluster.Name, @namespace))
            {
                continue;
            }

            var decision = entry.Project.CheckResource(group, kind, namespaced: true);
            if (decision.Allowed)
            {
                return decision;
            }

            firstDenial ??= decision;
        }

        return firstDenial;
    }

    /// <summary>This snapshot with <paramref name="project"/> added or replaced (one read live, before its watch event).</summary>
    public PolicySnapshot With(AppProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var all = new Dictionary<string, CompiledProjectEntry>(projects, StringComparer.Ordinal)
        {
            [project.Metadata.Name ?? CompiledProject.DefaultProjectName] = Compile(project),
        };
        return new PolicySnapshot(all, rbacPolicy, ArgoCd, Clusters);
    }

    public static CompiledProjectEntry Compile(AppProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var claiming = (project.Spec.Destinations ?? [])
            .Where(d => d.Namespace is { Length: > 0 } ns && ns.Trim() != "*" && !ns.StartsWith('!'))
            .ToList();
        var claims = new AppProject
        {
            Metadata = project.Metadata,
            Spec = new AppProjectSpec { Destinations = claiming },
        };
        return new CompiledProjectEntry(project.Metadata.ResourceVersion ?? "", CompiledProject.Compile(project), CompiledProject.Compile(claims), claiming.Count > 0);
    }
}
