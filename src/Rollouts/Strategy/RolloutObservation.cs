using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Strategy;

/// <summary>Everything one decision of the state machine reads: the Rollout as stored and what the caches show.</summary>
/// <param name="Rollout">The Rollout, spec and status as read; the machine never changes it.</param>
/// <param name="PodHash">The pod-template-hash of the current revision: Tollgate's hash of spec.template (with status.collisionCount), or the hash label of the ReplicaSet already running it (one Argo Rollouts made).</param>
/// <param name="StepHash">The hash of spec.strategy.canary.steps (<see cref="StepHashChoice"/>).</param>
/// <param name="ReplicaSets">Every live ReplicaSet the rollout controls.</param>
/// <param name="AnalysisRuns">Every AnalysisRun the rollout owns.</param>
/// <param name="Now">The clock.</param>
public sealed record RolloutObservation(
    Rollout Rollout,
    string PodHash,
    string StepHash,
    IReadOnlyList<ObservedReplicaSet> ReplicaSets,
    IReadOnlyList<ObservedAnalysisRun> AnalysisRuns,
    DateTimeOffset Now)
{
    /// <summary>Why the spec cannot be rolled out, from the shared validator, or why the Rollout's objects cannot be trusted (<see cref="CurrentReplicaSet"/>); null when neither.</summary>
    public string? InvalidSpec { get; init; }

    /// <summary>The rollout's pods, present only when <see cref="RestartPlan.IsPending"/> made the edge list them.</summary>
    public IReadOnlyList<ObservedPod>? Pods { get; init; }

    /// <summary>What the edge could not do last time, by object name (a run that cannot be built, a missing Service).</summary>
    public IReadOnlyDictionary<string, string> EdgeProblems { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The rollouts-pod-template-hash each Service the strategy names selects now (null: the selector has none), read
    /// by the edge for blue-green; a Service that does not exist is absent here and named in <see cref="EdgeProblems"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ServiceSelectors { get; init; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>The <see cref="EdgeProblems"/> key of a traffic router that could not route.</summary>
    public const string TrafficRoutingKey = "TrafficRouting";

    /// <summary>The <see cref="EdgeProblems"/> key of a Service that does not exist.</summary>
    public static string ServiceKey(string serviceName) => "Service/" + serviceName;
}
