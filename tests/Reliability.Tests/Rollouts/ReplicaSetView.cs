namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>A ReplicaSet of the Rollout: spec.replicas and status.availableReplicas.</summary>
public sealed record ReplicaSetView(string Hash, int Replicas, int Available);
