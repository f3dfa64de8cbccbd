using System.Collections.Frozen;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Clusters;

/// <summary>
/// The clusters Argo CD knows, from its cluster Secrets and <c>cluster.inClusterEnabled</c>, answering the lookups of
/// Argo CD's <c>util/db</c> (<c>GetCluster</c>, <c>GetClusterServersByName</c>, <c>GetProjectClusters</c>) and
/// <c>util/argo</c> (<c>GetDestinationCluster</c>). Immutable; built once per change of a Secret or argocd-cm.
/// </summary>
public sealed class ClusterRegistry
{
    private readonly FrozenDictionary<string, ArgoCluster[]> byServer;
    private readonly FrozenDictionary<string, ArgoCluster[]> byName;
    private readonly FrozenDictionary<string, ArgoCluster[]> byProject;
    private readonly FrozenDictionary<string, CompiledDestination[]> projectDestinations;

    /// <param name="clusters">The clusters read from Secrets; where several share a server, the first is found (Argo CD's pick is arbitrary).</param>
    public ClusterRegistry(IEnumerable<ArgoCluster> clusters, bool inClusterEnabled = true)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var all = clusters.ToArray();
        InClusterEnabled = inClusterEnabled;
        byServer = Index(all, cluster => cluster.Server);
        byName = Index(all.Where(cluster => cluster.Name.Length > 0), cluster => cluster.Name);
        byProject = Index(all.Where(cluster => cluster.Project.Length > 0), cluster => cluster.Project);
        projectDestinations = byProject.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.SelectMany(cluster => (cluster.Namespaces.Count == 0 ? ["*"] : cluster.Namespaces).Select(ns => new CompiledDestination(
                NegatableGlob.Compile(cluster.Server), NegatableGlob.Compile(""), NegatableGlob.Compile(ns)))).ToArray(),
            StringComparer.Ordinal);
        Count = all.Length;
    }

    public static ClusterRegistry Empty { get; } = new([]);

    public bool InClusterEnabled { get; }

    /// <summary>How many clusters the Secrets register.</summary>
    public int Count { get; }

    /// <summary>Argo CD's <c>GetDestinationCluster</c>: exactly one of server and name, the name resolved to one server, then the cluster of that server.</summary>
    public ClusterResolution Resolve(ApplicationDestination? destination)
    {
        var server = destination?.Server ?? "";
        var name = destination?.Name ?? "";
        if (name.Length > 0 && server.Length > 0)
        {
            return new ClusterResolution(null, $"application destination can't have both name and server defined: {name} {server}");
        }

        if (server.Length > 0)
        {
            server = server.TrimEnd('/');
            var cluster = GetCluster(server, out var error);
            return cluster is null ? new ClusterResolution(null, $"error getting cluster by server \"{server}\": {error}") : new ClusterResolution(cluster, null);
        }

        if (name.Length == 0)
        {
            // Argo CD's ErrDestinationMissing.
            return new ClusterResolution(null, "Destination server missing from app spec");
        }

        var servers = ServersByName(name);
        if (servers.Count == 0)
        {
            return new ClusterResolution(null, $"there are no clusters with this name: {name}");
        }

        if (servers.Count > 1)
        {
            return new ClusterResolution(null, $"there are {servers.Count} clusters with the same name: [{string.Join(' ', servers)}]");
        }

        var named = GetCluster(servers[0], out var namedError);
        return named is null ? new ClusterResolution(null, $"error getting cluster by URL: {namedError}") : new ClusterResolution(named, null);
    }

    /// <summary>Argo CD's <c>GetCluster</c>: the in-cluster address is the built-in cluster unless disabled or a Secret registers it.</summary>
    public ArgoCluster? GetCluster(string server, out string? error)
    {
        ArgumentNullException.ThrowIfNull(server);
        error = null;
        server = server.TrimEnd('/');
        if (server == ArgoCluster.InCluster.Server)
        {
            if (!InClusterEnabled)
            {
                error = $"cluster \"{server}\" is disabled";
                return null;
            }

            return byServer.TryGetValue(server, out var registered) ? registered[0] : ArgoCluster.InCluster;
        }

        if (byServer.TryGetValue(server, out var clusters))
        {
            return clusters[0];
        }

        error = $"cluster \"{server}\" not found";
        return null;
    }

    /// <summary>Argo CD's <c>GetClusterServersByName</c>: <c>in-cluster</c> names the built-in cluster unless a Secret takes the name or it is disabled.</summary>
    public IReadOnlyList<string> ServersByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var servers = byName.TryGetValue(name, out var clusters) ? Array.ConvertAll(clusters, cluster => cluster.Server) : [];
        if (servers.Length == 0 && name == ArgoCluster.InCluster.Name && InClusterEnabled)
        {
            return [ArgoCluster.InCluster.Server];
        }

        return InClusterEnabled ? servers : Array.FindAll(servers, server => server != ArgoCluster.InCluster.Server);
    }

    /// <summary>Argo CD's <c>GetProjectClusters</c>: the clusters whose Secret sets <c>project</c> to this project.</summary>
    public IReadOnlyList<ArgoCluster> ProjectClusters(string project) =>
        byProject.TryGetValue(project, out var clusters) ? clusters : [];

    /// <summary>
    /// The destinations Argo CD's <c>GetAppProjectByName</c> adds to a project for its scoped clusters: the cluster's
    /// server with each of its namespaces, or with <c>*</c> when it lists none.
    /// </summary>
    internal IReadOnlyList<CompiledDestination> ProjectDestinations(string project) =>
        projectDestinations.TryGetValue(project, out var entries) ? entries : [];

    private static FrozenDictionary<string, ArgoCluster[]> Index(IEnumerable<ArgoCluster> clusters, Func<ArgoCluster, string> key) =>
        clusters.GroupBy(key, StringComparer.Ordinal).ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
}
