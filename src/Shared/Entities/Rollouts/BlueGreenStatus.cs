using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class BlueGreenStatus
{
    [Description("rollouts-pod-template-hash the preview Service selects.")]
    public string? PreviewSelector { get; set; }

    [Description("rollouts-pod-template-hash the active Service selects.")]
    public string? ActiveSelector { get; set; }

    [Description("The preview ReplicaSet may scale up to spec.replicas (previewReplicaCount was promoted).")]
    public bool? ScaleUpPreviewCheckPoint { get; set; }

    public RolloutAnalysisRunStatus? PrePromotionAnalysisRunStatus { get; set; }

    public RolloutAnalysisRunStatus? PostPromotionAnalysisRunStatus { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
