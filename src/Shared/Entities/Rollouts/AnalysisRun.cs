using System.ComponentModel;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Entities;

namespace Tollgate.Shared.Entities.Rollouts;

/// <summary>
/// One execution of analysis templates. Like Argo's CRD there is no status subresource: the controller writes status
/// with ordinary updates, so the kind works with Argo's CRD installed too.
/// </summary>
[Description("One execution of the metrics of analysis templates, with its measurements (Argo Rollouts compatible).")]
[ShortNames("ar")]
[PrinterColumn("Status", "string", ".status.phase", Description = "Phase of the run")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", Description = "Time since the run was created")]
public sealed class AnalysisRun() : CustomKubernetesEntity<AnalysisRunSpec, AnalysisRunStatus>(Resource), IKubernetesResource<AnalysisRun>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "AnalysisRun", "analysisruns", Namespaced: true);
}
