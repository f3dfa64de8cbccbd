using Tollgate.Shared.Entities.Rollouts.Validation;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// spec.workloadRef.scaleDown as Argo applies it, only while the Rollout is at revision 1 (the migration itself; Argo
/// leaves the Deployment alone from revision 2 on, also when revision 1 never became healthy): onsuccess scales the
/// Deployment to zero once the Rollout was Healthy; progressively gives it what the Rollout's available pods do not yet
/// cover, and zero once Healthy; never leaves it. Argo counts the Rollout's ready pods; Tollgate counts available
/// ones, so the Deployment never shrinks before the pods replacing it are available (minReadySeconds included).
/// </summary>
public static class DeploymentScaleDown
{
    /// <param name="scaleDown">spec.workloadRef.scaleDown.</param>
    /// <param name="revision">The Rollout's rollout.argoproj.io/revision annotation.</param>
    /// <param name="storedPhase">status.phase as stored (Argo reads the stored status too).</param>
    /// <param name="specReplicas">The Rollout's spec.replicas.</param>
    /// <param name="availableReplicas">status.availableReplicas as stored.</param>
    /// <param name="currentScaledDown">This decision scales the current ReplicaSet down (an abort): the Deployment takes the pods back.</param>
    /// <param name="deploymentReplicas">The Deployment's spec.replicas.</param>
    /// <returns>The Deployment's new spec.replicas, or null to leave it.</returns>
    public static int? Target(string scaleDown, long? revision, string? storedPhase, int specReplicas, int availableReplicas, bool currentScaledDown, int deploymentReplicas)
    {
        if (revision != 1)
        {
            return null;
        }

        int? target = scaleDown switch
        {
            WorkloadReference.OnSuccess when storedPhase == "Healthy" => 0,
            WorkloadReference.Progressively when storedPhase == "Healthy" => 0,
            WorkloadReference.Progressively when availableReplicas > 0 || currentScaledDown => Math.Max(0, specReplicas - availableReplicas),
            _ => null,
        };
        return target == deploymentReplicas ? null : target;
    }
}
