using System.ComponentModel;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Entities;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("A Deployment-like workload that moves to a new pod template through canary steps (Argo Rollouts compatible).")]
[ShortNames("ro")]
[StatusSubresource]
[ScaleSubresource(".spec.replicas", ".status.HPAReplicas", LabelSelectorPath = ".status.selector")]
[PrinterColumn("Desired", "integer", ".spec.replicas", Description = "Number of desired pods")]
[PrinterColumn("Current", "integer", ".status.replicas", Description = "Non-terminated pods of this rollout")]
[PrinterColumn("Up-to-date", "integer", ".status.updatedReplicas", Description = "Non-terminated pods running the desired template")]
[PrinterColumn("Available", "integer", ".status.availableReplicas", Description = "Pods ready for at least minReadySeconds")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", Description = "Time since the rollout was created")]
public sealed class Rollout() : CustomKubernetesEntity<RolloutSpec, RolloutStatus>(Resource), IKubernetesResource<Rollout>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "Rollout", "rollouts", Namespaced: true);
}
