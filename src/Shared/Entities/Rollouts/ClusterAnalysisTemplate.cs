using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("An AnalysisTemplate that rollouts of every namespace may use (Argo Rollouts compatible).")]
[ShortNames("cat")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", Description = "Time since the template was created")]
public sealed class ClusterAnalysisTemplate : IKubernetesResource<ClusterAnalysisTemplate>
{
    public static ResourceDescriptor Resource { get; } =
        new("argoproj.io", "v1alpha1", "ClusterAnalysisTemplate", "clusteranalysistemplates", Namespaced: false);

    public string? ApiVersion { get; set; } = "argoproj.io/v1alpha1";

    public string? Kind { get; set; } = "ClusterAnalysisTemplate";

    public V1ObjectMeta Metadata { get; set; } = new();

    [Required]
    public AnalysisTemplateSpec Spec { get; set; } = new();

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
