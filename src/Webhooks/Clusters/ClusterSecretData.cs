namespace Tollgate.Webhooks.Clusters;

/// <summary>
/// The fields of a cluster Secret's <c>data</c> that Argo CD's <c>secretToCluster</c> reads for admission, base64-decoded
/// (null when absent), and what is wrong with <c>config</c> (Argo CD then ignores the whole Secret).
/// </summary>
public sealed record ClusterSecretData
{
    public string? Name { get; init; }

    public string? Server { get; init; }

    public string? Project { get; init; }

    public string? Namespaces { get; init; }

    public string? ClusterResources { get; init; }

    /// <summary>Why <c>config</c> does not unmarshal into Argo CD's ClusterConfig, or null.</summary>
    public string? ConfigProblem { get; init; }
}
