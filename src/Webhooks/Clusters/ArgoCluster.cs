namespace Tollgate.Webhooks.Clusters;

/// <summary>
/// A cluster registered in Argo CD, as its <c>secretToCluster</c> reads a cluster Secret: the server without trailing
/// slashes, the name as written, the project it is scoped to (empty when none), the namespaces it is limited to and
/// whether cluster-scoped resources are managed.
/// </summary>
public sealed record ArgoCluster(string Server, string Name)
{
    /// <summary>The cluster Argo CD runs in, which it knows under this URL and name unless a Secret says otherwise.</summary>
    public static ArgoCluster InCluster { get; } = new("https://kubernetes.default.svc", "in-cluster");

    public string Project { get; init; } = "";

    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public bool ClusterResources { get; init; }

    /// <summary>The Secret it was read from (empty for the built-in in-cluster cluster), for messages.</summary>
    public string SecretName { get; init; } = "";
}
