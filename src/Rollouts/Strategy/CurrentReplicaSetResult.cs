namespace Tollgate.Rollouts.Strategy;

/// <summary>The pod-template-hash the rollout's current revision goes by, or why the objects cannot be trusted.</summary>
/// <param name="PodHash">Tollgate's own hash, or the hash label of the ReplicaSet adopted for the template.</param>
/// <param name="Inconsistency">Set when the Rollout's objects contradict each other; nothing may be scaled then.</param>
public sealed record CurrentReplicaSetResult(string PodHash, string? Inconsistency = null)
{
    /// <summary>A ReplicaSet made by another controller (Argo Rollouts) was adopted as the current one.</summary>
    public bool Adopted { get; init; }
}
