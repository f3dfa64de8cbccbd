using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// What a finished rollout left behind, in terms two runs can compare (images rather than names or times): the
/// Rollout's phase, step, stable image and counts, its conditions, each ReplicaSet's image and replicas, and each
/// AnalysisRun's image, step and phase.
/// </summary>
public static class RolloutEndState
{
    public static IReadOnlyList<string> Of(Rollout rollout, IEnumerable<V1ReplicaSet> replicaSets, IEnumerable<AnalysisRun> runs)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var sets = replicaSets.ToList();
        var images = sets.ToDictionary(rs => Label(rs.Metadata, RolloutLabels.PodTemplateHash), Image, StringComparer.Ordinal);
        string ImageOf(string? hash) => hash is not null && images.TryGetValue(hash, out var image) ? image : $"unknown hash {hash}";
        var status = rollout.Status ?? new RolloutStatus();
        var lines = new List<string>
        {
            $"phase {status.Phase}, abort {status.Abort == true}, step {status.CurrentStepIndex}, stable {ImageOf(status.StableRS)}, current {ImageOf(status.CurrentPodHash)}",
            $"replicas {status.Replicas}, updated {status.UpdatedReplicas}, ready {status.ReadyReplicas}, available {status.AvailableReplicas}",
            $"pause conditions {status.PauseConditions?.Count ?? 0}, canary weight {status.Canary?.Weights?.Canary.Weight}",
        };
        lines.AddRange((status.Conditions ?? []).Select(c => $"condition {c.Type} {c.Status} {c.Reason}").Order(StringComparer.Ordinal));
        lines.AddRange(sets.Select(rs => $"replicaset {Image(rs)} replicas {rs.Spec?.Replicas} available {rs.Status?.AvailableReplicas ?? 0}").Order(StringComparer.Ordinal));
        lines.AddRange(runs.Select(run => $"analysisrun {ImageOf(Label(run.Metadata, RolloutLabels.PodTemplateHash))} {Label(run.Metadata, RolloutLabels.RolloutType)} step {Label(run.Metadata, RolloutLabels.StepIndex)} {run.Status?.Phase}").Order(StringComparer.Ordinal));
        return lines;
    }

    private static string Image(V1ReplicaSet replicaSet) => replicaSet.Spec?.Template?.Spec?.Containers?.FirstOrDefault()?.Image ?? "";

    private static string Label(V1ObjectMeta metadata, string key) =>
        metadata.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : "";
}
