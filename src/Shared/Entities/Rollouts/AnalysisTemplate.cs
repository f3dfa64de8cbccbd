using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("Metrics, and the conditions on them, that decide whether a canary step passes (Argo Rollouts compatible).")]
[ShortNames("at")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", Description = "Time since the template was created")]
public sealed class AnalysisTemplate : IKubernetesResource<AnalysisTemplate>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "AnalysisTemplate", "analysistemplates", Namespaced: true);

    public string? ApiVersion { get; set; } = "argoproj.io/v1alpha1";

    public string? Kind { get; set; } = "AnalysisTemplate";

    public V1ObjectMeta Metadata { get; set; } = new();

    [Required]
    public AnalysisTemplateSpec Spec { get; set; } = new();

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
