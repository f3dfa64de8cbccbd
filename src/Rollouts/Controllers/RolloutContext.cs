using Tollgate.Rollouts.Canary;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Controllers;

/// <summary>What one reconcile of a Rollout has learned so far; thrown away afterwards (the next one starts from status).</summary>
public sealed class RolloutContext(Rollout rollout, RolloutStatus? before, DateTimeOffset now)
{
    public Rollout Rollout { get; } = rollout;

    public RolloutStatus Status { get; } = rollout.Status ??= new RolloutStatus();

    /// <summary>The status as read, to plan events and skip writes that change nothing.</summary>
    public RolloutStatus? Before { get; } = before;

    public DateTimeOffset Now { get; } = now;

    public string Namespace => Rollout.Metadata.Namespace ?? "";

    public string Name => Rollout.Metadata.Name ?? "";

    public int SpecReplicas => Rollout.Spec.Replicas ?? 1;

    public IReadOnlyList<Canary.CanaryStep> Steps { get; set; } = [];

    public ScalingLimits Limits { get; set; } = new(0, 0);

    public IReadOnlyDictionary<string, string> Selector { get; set; } = new Dictionary<string, string>();

    public string PodHash { get; set; } = "";

    public V1ReplicaSet? NewReplicaSet { get; set; }

    public V1ReplicaSet? StableReplicaSet { get; set; }

    /// <summary>Every ReplicaSet the rollout owns, by name, as last read or written.</summary>
    public Dictionary<string, V1ReplicaSet> ReplicaSets { get; } = new(StringComparer.Ordinal);

    public string? InvalidSpecMessage { get; set; }

    public string? AbortDetail { get; set; }

    public int StepIndex
    {
        get => Math.Clamp(Status.CurrentStepIndex ?? 0, 0, Steps.Count);
        set => Status.CurrentStepIndex = value;
    }

    public bool Aborted => Status.Abort == true;

    public bool IsFullyPromoted => Status.StableRS is not null && Status.StableRS == PodHash;

    public TimeSpan? RequeueAfter { get; private set; }

    public IEnumerable<V1ReplicaSet> OtherReplicaSets =>
        ReplicaSets.Values.Where(rs => rs.Metadata.Name != NewReplicaSet?.Metadata.Name && rs.Metadata.Name != StableReplicaSet?.Metadata.Name);

    public void RequeueWithin(TimeSpan delay)
    {
        var bounded = delay < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : delay;
        RequeueAfter = RequeueAfter is { } existing && existing < bounded ? existing : bounded;
    }
}
