using System.ComponentModel;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Entities;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("Metrics, and the conditions on them, that decide whether a canary step passes (Argo Rollouts compatible).")]
[ShortNames("at")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", Description = "Time since the template was created")]
public sealed class AnalysisTemplate() : CustomKubernetesEntity<AnalysisTemplateSpec>(Resource), IKubernetesResource<AnalysisTemplate>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "AnalysisTemplate", "analysistemplates", Namespaced: true);
}
