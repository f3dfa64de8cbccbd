using System.ComponentModel;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Entities;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("An AnalysisTemplate that rollouts of every namespace may use (Argo Rollouts compatible).")]
[ShortNames("cat")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", Description = "Time since the template was created")]
public sealed class ClusterAnalysisTemplate() : CustomKubernetesEntity<AnalysisTemplateSpec>(Resource), IKubernetesResource<ClusterAnalysisTemplate>
{
    public static ResourceDescriptor Resource { get; } =
        new("argoproj.io", "v1alpha1", "ClusterAnalysisTemplate", "clusteranalysistemplates", Namespaced: false);
}
