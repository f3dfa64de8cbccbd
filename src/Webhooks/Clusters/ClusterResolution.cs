namespace Tollgate.Webhooks.Clusters;

/// <summary>The cluster an Application's destination resolves to, or Argo CD's error when it resolves to none.</summary>
public sealed record ClusterResolution(ArgoCluster? Cluster, string? Error);
