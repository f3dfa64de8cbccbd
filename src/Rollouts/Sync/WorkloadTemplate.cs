using System.Text.Json;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.Validation;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Sync;

/// <summary>
/// spec.workloadRef as Argo's templateref.go resolves it: the Deployment's spec.template becomes the Rollout's
/// template and, when the Rollout has no selector, its spec.selector the Rollout's, on a copy that is never written
/// back (the stored Rollout keeps only the reference). Pure; the Deployment comes from the informer cache.
/// </summary>
public static class WorkloadTemplate
{
    public static ResolvedWorkload Resolve(Rollout rollout, V1Deployment? deployment)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (WorkloadReference.Parse(rollout.Spec.WorkloadRef) is not { } reference || !reference.IsDeployment || reference.Name.Length == 0)
        {
            // No reference, or one the shared validator refuses with its own message.
            return new ResolvedWorkload(rollout, null);
        }

        if (deployment?.Spec is not { } spec)
        {
            return new ResolvedWorkload(rollout, reference, $"spec.workloadRef: deployments.apps \"{reference.Name}\" not found");
        }

        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(rollout, RolloutsJsonContext.Default.Rollout), RolloutsJsonContext.Default.Rollout)!;
        copy.Spec.WorkloadRef = null;
        copy.Spec.Template = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(spec.Template, RolloutsJsonContext.Default.V1PodTemplateSpec), RolloutsJsonContext.Default.V1PodTemplateSpec);
        copy.Spec.Selector ??= spec.Selector;
        return new ResolvedWorkload(copy, reference, null, deployment.Metadata.Generation);
    }
}
