using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.Validation;

namespace Tollgate.Rollouts.Sync;

/// <summary>A Rollout with the pod template its workloadRef gives it.</summary>
/// <param name="Rollout">The Rollout to decide on: the stored one, or a copy carrying the Deployment's template (and selector).</param>
/// <param name="Reference">spec.workloadRef; null when the Rollout has none.</param>
/// <param name="Problem">Why the reference cannot be resolved (the Deployment does not exist); null when it can.</param>
/// <param name="Generation">The Deployment's metadata.generation, for status.workloadObservedGeneration.</param>
public sealed record ResolvedWorkload(Rollout Rollout, WorkloadReference? Reference, string? Problem = null, long? Generation = null);
