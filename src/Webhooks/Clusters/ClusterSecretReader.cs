namespace Tollgate.Webhooks.Clusters;

/// <summary>
/// Pure: Argo CD's <c>secretToCluster</c> for the fields admission uses. A Secret whose <c>config</c> does not
/// unmarshal is not a cluster at all (Argo CD's cluster informer keeps it as a plain Secret that no lookup finds).
/// </summary>
public static class ClusterSecretReader
{
    /// <returns>The cluster (null when Argo CD ignores the Secret) and what is wrong with the Secret, if anything.</returns>
    public static (ArgoCluster? Cluster, string? Problem) Read(string secretName, ClusterSecretData? data)
    {
        ArgumentNullException.ThrowIfNull(secretName);
        data ??= new ClusterSecretData();
        if (data.ConfigProblem is { } problem)
        {
            return (null, $"cluster Secret {secretName} is ignored, as Argo CD ignores it: {problem}");
        }

        var cluster = new ArgoCluster((data.Server ?? "").TrimEnd('/'), data.Name ?? "")
        {
            Project = data.Project ?? "",
            Namespaces = [.. (data.Namespaces ?? "").Split(',').Select(ns => ns.Trim()).Where(ns => ns.Length > 0)],
            ClusterResources = data.ClusterResources == "true",
            SecretName = secretName,
        };
        return (cluster, cluster.Server.Length == 0
            ? $"cluster Secret {secretName} has no server: Argo CD registers it under an empty URL, reachable only by its name"
            : null);
    }
}
