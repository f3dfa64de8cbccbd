using System.Text.Json.Nodes;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// Which ReplicaSet runs the Rollout's template, as Argo's FindNewReplicaSet finds it: the one carrying Tollgate's own
/// hash; else the one whose pod template equals the Rollout's (<see cref="PodTemplateEquality"/>), whatever hash it
/// carries, so that a Rollout taken over from Argo Rollouts, whose hashes Tollgate does not compute, keeps its
/// ReplicaSets, status and step; else none (a new revision, under Tollgate's hash). Where Argo silently takes the oldest
/// of several matching ReplicaSets, or treats a missing stable ReplicaSet as a first deploy, Tollgate reports the
/// inconsistency and changes nothing.
/// </summary>
public static class CurrentReplicaSet
{
    /// <summary>Whether the desired template is needed at all: no live ReplicaSet carries Tollgate's own hash.</summary>
    public static bool NeedsTemplateComparison(string ownHash, IReadOnlyList<CandidateReplicaSet> replicaSets)
    {
        ArgumentNullException.ThrowIfNull(replicaSets);
        return replicaSets.Count > 0 && !replicaSets.Any(rs => !rs.Deleting && rs.PodHash == ownHash);
    }

    /// <param name="ownHash">Tollgate's pod-template-hash of the desired template.</param>
    /// <param name="desired">The desired template with the API server's defaults; null when not needed.</param>
    /// <param name="replicaSets">Every ReplicaSet the Rollout controls.</param>
    /// <param name="stableHash">status.stableRS.</param>
    /// <param name="antiAffinityConfigured">spec.strategy.canary.antiAffinity is set.</param>
    public static CurrentReplicaSetResult Resolve(string ownHash, JsonNode? desired, IReadOnlyList<CandidateReplicaSet> replicaSets, string? stableHash, bool antiAffinityConfigured)
    {
        ArgumentNullException.ThrowIfNull(replicaSets);
        var live = replicaSets.Where(rs => !rs.Deleting).ToList();
        if (!string.IsNullOrEmpty(stableHash) && !replicaSets.Any(rs => rs.PodHash == stableHash))
        {
            return new CurrentReplicaSetResult(ownHash,
                $"status.stableRS is \"{stableHash}\" but no ReplicaSet of this Rollout carries that rollouts-pod-template-hash; Tollgate scales nothing until a ReplicaSet with it exists or status.stableRS is cleared");
        }

        if (!NeedsTemplateComparison(ownHash, live) || desired is null)
        {
            return new CurrentReplicaSetResult(ownHash);
        }

        var matches = live.Where(rs => PodTemplateEquality.AreEqual(rs.Template, rs.InjectedMetadata, desired, antiAffinityConfigured)).ToList();
        return matches switch
        {
            [] => new CurrentReplicaSetResult(ownHash),
            [var only] => new CurrentReplicaSetResult(only.PodHash) { Adopted = only.PodHash != ownHash },
            _ => new CurrentReplicaSetResult(ownHash,
                $"ReplicaSets {string.Join(", ", matches.Select(rs => $"\"{rs.Name}\"").Order(StringComparer.Ordinal))} all run this Rollout's pod template; Tollgate scales nothing until only one of them is left"),
        };
    }
}
