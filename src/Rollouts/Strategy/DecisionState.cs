using System.Text.Json;
using Tollgate.Rollouts.Canary;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Strategy;

/// <summary>The working state of one decision: the status being built, the collected pause/abort, the intents so far.</summary>
internal sealed class DecisionState
{
    private readonly List<RolloutIntent> intents = [];

    public DecisionState(RolloutObservation observation)
    {
        Observation = observation;
        Stored = observation.Rollout.Status ?? new RolloutStatus();
        Status = Copy(Stored);
        Collector = new PauseAbortCollector(Stored, observation.Now);
        NewReplicaSet = observation.ReplicaSets.FirstOrDefault(rs => rs.PodHash == observation.PodHash);
    }

    public RolloutObservation Observation { get; }

    /// <summary>The status as stored: what this decision reads.</summary>
    public RolloutStatus Stored { get; }

    /// <summary>The status this decision writes.</summary>
    public RolloutStatus Status { get; }

    public PauseAbortCollector Collector { get; }

    public IReadOnlyList<RolloutIntent> Intents => intents;

    public Rollout Rollout => Observation.Rollout;

    public CanaryStrategy Canary => Rollout.Spec.Strategy!.Canary!;

    public BlueGreenStrategy BlueGreen => Rollout.Spec.Strategy!.BlueGreen!;

    /// <summary>canaryMetadata or previewMetadata: what the pods of an update carry until they are stable.</summary>
    public JsonElement? NewPodMetadata => Rollout.Spec.Strategy?.Canary is { } canary ? canary.CanaryMetadata : Rollout.Spec.Strategy?.BlueGreen?.PreviewMetadata;

    /// <summary>stableMetadata or activeMetadata: what the stable pods carry.</summary>
    public JsonElement? StablePodMetadata => Rollout.Spec.Strategy?.Canary is { } canary ? canary.StableMetadata : Rollout.Spec.Strategy?.BlueGreen?.ActiveMetadata;

    public DateTimeOffset Now => Observation.Now;

    public string PodHash => Observation.PodHash;

    public int SpecReplicas => Rollout.Spec.Replicas ?? 1;

    public IReadOnlyList<Canary.CanaryStep> Steps { get; set; } = [];

    public ScalingLimits Limits { get; set; } = new(0, 0);

    public ObservedReplicaSet? NewReplicaSet { get; set; }

    public ObservedReplicaSet? StableReplicaSet =>
        Status.StableRS is { } stable ? Observation.ReplicaSets.FirstOrDefault(rs => rs.PodHash == stable) : null;

    /// <summary>Every ReplicaSet with the spec.replicas this decision gives it.</summary>
    public Dictionary<string, int> Replicas { get; } = new(StringComparer.Ordinal);

    public string? AbortDetail { get; set; }

    /// <summary>A traffic router carries the canary weight (spec.strategy.canary.trafficRouting).</summary>
    public bool Routed => Canary.TrafficRouting is not null;

    /// <summary>The weights this decision routes; null when it leaves the router alone (the stored weights stay).</summary>
    public TrafficWeights? RoutedWeights { get; set; }

    public bool InvalidSpec { get; set; }

    /// <summary>An abort was retried in this decision (Progressing reads RolloutRetry until the next one).</summary>
    public bool Retried { get; set; }

    /// <summary>Set by a step that may not progress further in this decision (scaling, a pod restart).</summary>
    public bool Halted { get; set; }

    public TimeSpan? RequeueAfter { get; private set; }

    public int StepIndex
    {
        get => Math.Clamp(Status.CurrentStepIndex ?? 0, 0, Steps.Count);
        set => Status.CurrentStepIndex = value;
    }

    public bool Aborted => Collector.IsAborted;

    public bool IsFullyPromoted => Status.StableRS is not null && Status.StableRS == PodHash;

    public IEnumerable<ObservedReplicaSet> OldReplicaSets =>
        Observation.ReplicaSets.Where(rs => rs.PodHash != PodHash && rs.PodHash != Status.StableRS);

    public int ReplicasOf(ObservedReplicaSet replicaSet) => Replicas.TryGetValue(replicaSet.Name, out var replicas) ? replicas : replicaSet.SpecReplicas;

    public void Add(RolloutIntent intent) => intents.Add(intent);

    public void Scale(ObservedReplicaSet replicaSet, int replicas)
    {
        var current = ReplicasOf(replicaSet);
        if (current == replicas)
        {
            return;
        }

        var existing = intents.OfType<ScaleReplicaSet>().FirstOrDefault(i => i.Name == replicaSet.Name);
        if (existing is not null)
        {
            intents.Remove(existing);
        }

        if (replicaSet.SpecReplicas != replicas)
        {
            intents.Add(new ScaleReplicaSet(replicaSet.Name, replicaSet.SpecReplicas, replicas));
        }

        Replicas[replicaSet.Name] = replicas;
        RequeueWithin(CanaryStateMachine.ConvergencePoll);
    }

    public void RequeueWithin(TimeSpan delay)
    {
        var bounded = delay < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : delay;
        RequeueAfter = RequeueAfter is { } existing && existing < bounded ? existing : bounded;
    }

    private static RolloutStatus Copy(RolloutStatus status) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(status, RolloutsJsonContext.Default.RolloutStatus), RolloutsJsonContext.Default.RolloutStatus)!;
}
