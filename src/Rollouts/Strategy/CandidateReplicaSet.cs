using System.Text.Json.Nodes;

namespace Tollgate.Rollouts.Strategy;

/// <summary>What <see cref="CurrentReplicaSet"/> reads of one ReplicaSet the Rollout controls.</summary>
/// <param name="Name">metadata.name.</param>
/// <param name="PodHash">The rollouts-pod-template-hash label, whoever computed it.</param>
/// <param name="Template">spec.template as stored.</param>
/// <param name="InjectedMetadata">The rollout.argoproj.io/ephemeral-metadata annotation.</param>
/// <param name="Deleting">metadata.deletionTimestamp is set.</param>
public sealed record CandidateReplicaSet(string Name, string PodHash, JsonNode? Template, string? InjectedMetadata = null, bool Deleting = false);
