namespace Tollgate.Rollouts.Strategy;

/// <summary>What the state machine reads of one ReplicaSet the rollout owns.</summary>
/// <param name="Name">metadata.name.</param>
/// <param name="PodHash">The rollouts-pod-template-hash label.</param>
/// <param name="SpecReplicas">spec.replicas.</param>
/// <param name="Replicas">status.replicas: pods that exist, including those still starting.</param>
/// <param name="AvailableReplicas">status.availableReplicas.</param>
/// <param name="ReadyReplicas">status.readyReplicas.</param>
/// <param name="Revision">The rollout.argoproj.io/revision annotation, when it is a number.</param>
/// <param name="Created">metadata.creationTimestamp.</param>
/// <param name="Deleting">metadata.deletionTimestamp is set.</param>
/// <param name="StatusObserved">status.observedGeneration has caught up with metadata.generation.</param>
/// <param name="InjectedMetadata">The rollout.argoproj.io/ephemeral-metadata annotation: what canary/stable metadata it carries.</param>
/// <param name="ScaleDownDeadline">The argo-rollouts.argoproj.io/scale-down-deadline annotation as written.</param>
public sealed record ObservedReplicaSet(
    string Name,
    string PodHash,
    int SpecReplicas,
    int Replicas = 0,
    int AvailableReplicas = 0,
    int ReadyReplicas = 0,
    long? Revision = null,
    DateTimeOffset? Created = null,
    bool Deleting = false,
    bool StatusObserved = true,
    string? InjectedMetadata = null,
    string? ScaleDownDeadline = null);
