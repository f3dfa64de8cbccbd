using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Clusters;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: what Argo CD's project API (server/project/project.go <c>Update</c>) checks beyond <c>projects update</c>:
/// <c>clusters update</c> on each destination server added or removed, <c>repositories update</c> on each source
/// repository added or removed, <c>clusters update</c> on every destination server when a resource list changes, and
/// that no Application of the project loses its source or destination.
/// </summary>
public static class ProjectUpdateRules
{
    /// <summary>The RBAC checks (resource, action, object, why), in Argo CD's order.</summary>
    public static IReadOnlyList<(string Resource, string Action, string Object, string Why)> Permissions(AppProject old, AppProject updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        List<(string, string, string, string)> checks = [];
        var oldServers = Servers(old);
        var newServers = Servers(updated);
        foreach (var server in Difference(newServers, oldServers))
        {
            checks.Add(("clusters", "update", server, "adding or removing a destination cluster of a project needs clusters update on it"));
        }

        foreach (var repo in Difference([.. (updated.Spec.SourceRepos ?? []).Select(r => r ?? "")], [.. (old.Spec.SourceRepos ?? []).Select(r => r ?? "")]))
        {
            checks.Add(("repositories", "update", repo, "adding or removing a source repository of a project needs repositories update on it"));
        }

        if (!ResourceListsEqual(old.Spec, updated.Spec))
        {
            foreach (var server in newServers)
            {
                checks.Add(("clusters", "update", server, "changing a project's resource lists needs clusters update on each of its destination clusters"));
            }
        }

        return checks;
    }

    /// <summary>
    /// Argo CD's "as a result of project update ..." refusal: Applications of the project whose source (the first one)
    /// or destination the old project permitted and the new one does not. Null when none.
    /// </summary>
    public static string? InvalidatedApplications(AppProject old, AppProject updated, IReadOnlyList<Application> applications, ClusterRegistry clusters)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(clusters);
        if (applications.Count == 0)
        {
            return null;
        }

        var before = CompiledProject.Compile(old);
        var after = CompiledProject.Compile(updated);
        var invalidSources = 0;
        var invalidDestinations = 0;
        foreach (var application in applications)
        {
            var repo = application.Spec.Sources is { Count: > 0 } sources ? sources[0].RepoUrl : application.Spec.Source?.RepoUrl;
            if (before.IsSourcePermitted(repo) && !after.IsSourcePermitted(repo))
            {
                invalidSources++;
            }

            var destination = application.Spec.Destination;
            var resolution = clusters.Resolve(destination);
            if (resolution.Cluster is not { } cluster)
            {
                // Argo CD skips an Application whose cluster is unknown (already in error) but counts one with no destination.
                if (string.IsNullOrEmpty(destination?.Server) && string.IsNullOrEmpty(destination?.Name))
                {
                    invalidDestinations++;
                }

                continue;
            }

            if (before.CheckDestination(cluster.Server, cluster.Name, destination?.Namespace, clusters, withScopedClusterDestinations: false).Allowed
                && !after.CheckDestination(cluster.Server, cluster.Name, destination?.Namespace, clusters, withScopedClusterDestinations: false).Allowed)
            {
                invalidDestinations++;
            }
        }

        List<string> parts = [];
        if (invalidSources > 0)
        {
            parts.Add($"{invalidSources} applications source became invalid");
        }

        if (invalidDestinations > 0)
        {
            parts.Add($"{invalidDestinations} applications destination became invalid");
        }

        return parts.Count == 0 ? null : $"as a result of project update {string.Join(" and ", parts)}";
    }

    /// <summary>Argo CD's <c>difference</c>: the values that occur exactly once in both lists together (a value twice in one list drops out).</summary>
    public static IReadOnlyList<string> Difference(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var all = a.Concat(b).ToList();
        var counts = all.CountBy(value => value, StringComparer.Ordinal).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return [.. all.Where(value => counts[value] == 1)];
    }

    private static List<string> Servers(AppProject project) => [.. (project.Spec.Destinations ?? []).Select(d => d.Server ?? "")];

    /// <summary>reflect.DeepEqual of the four lists: an absent list and an empty one differ.</summary>
    private static bool ResourceListsEqual(AppProjectSpec a, AppProjectSpec b) =>
        SameList(a.ClusterResourceWhitelist, b.ClusterResourceWhitelist, Key)
        && SameList(a.ClusterResourceBlacklist, b.ClusterResourceBlacklist, Key)
        && SameList(a.NamespaceResourceBlacklist, b.NamespaceResourceBlacklist, Key)
        && SameList(a.NamespaceResourceWhitelist, b.NamespaceResourceWhitelist, Key);

    private static string Key(ClusterResourceRestrictionItem item) => $"{item.Group}\u0000{item.Kind}\u0000{item.Name}";

    private static string Key(GroupKind item) => $"{item.Group}\u0000{item.Kind}";

    private static bool SameList<T>(IList<T>? a, IList<T>? b, Func<T, string> key) =>
        (a is null, b is null) switch
        {
            (true, true) => true,
            (false, false) => a!.Select(key).SequenceEqual(b!.Select(key), StringComparer.Ordinal),
            _ => false,
        };
}
