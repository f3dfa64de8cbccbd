namespace Tollgate.Webhooks.Policy;

/// <summary>
/// A cluster registered in Argo CD. Argo CD checks destinations against the resolved cluster (both server and name), so
/// an application that names only one of them is completed from the clusters the caller knows.
/// </summary>
public sealed record ClusterIdentity(string Server, string Name)
{
    /// <summary>The cluster Argo CD runs in, which it always knows under this URL and name.</summary>
    public static ClusterIdentity InCluster { get; } = new("https://kubernetes.default.svc", "in-cluster");
}
