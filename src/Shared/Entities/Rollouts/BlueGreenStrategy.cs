using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("Brings the new pods up beside the old ones behind a preview Service, then switches the active Service to them at once.")]
public sealed class BlueGreenStrategy
{
    [Description("Service whose selector the controller points at the pods that serve production traffic.")]
    [Required]
    public string? ActiveService { get; set; }

    [Description("Service whose selector the controller points at the new pods before they are promoted.")]
    public string? PreviewService { get; set; }

    [Description("Pods the new ReplicaSet runs before promotion; it scales to spec.replicas when promoted.")]
    public int? PreviewReplicaCount { get; set; }

    [Description("Switch the active Service without a manual promote (default true).")]
    public bool? AutoPromotionEnabled { get; set; }

    [Description("Seconds to wait, paused, before switching the active Service automatically.")]
    public int? AutoPromotionSeconds { get; set; }

    [Description("Pods (number or percentage) that may be unavailable during a restart.")]
    public IntOrString? MaxUnavailable { get; set; }

    [Description("Seconds the previous ReplicaSet keeps its pods after the switch (default 30).")]
    public int? ScaleDownDelaySeconds { get; set; }

    [Description("How many previous ReplicaSets may wait out their scale-down delay at once.")]
    public int? ScaleDownDelayRevisionLimit { get; set; }

    [Description("Analysis run against the preview pods before the switch; failure aborts.")]
    public RolloutAnalysis? PrePromotionAnalysis { get; set; }

    [Description("Analysis run after the switch, before the new ReplicaSet becomes stable; failure switches back.")]
    public RolloutAnalysis? PostPromotionAnalysis { get; set; }

    [SchemaType("object")]
    public JsonElement? AntiAffinity { get; set; }

    [Description("Labels and annotations of the preview pods while they are not active.")]
    [SchemaType("object")]
    public JsonElement? PreviewMetadata { get; set; }

    [Description("Labels and annotations of the active pods.")]
    [SchemaType("object")]
    public JsonElement? ActiveMetadata { get; set; }

    [Description("Seconds before the preview ReplicaSet scales down after an abort (default 30); 0 keeps it.")]
    public int? AbortScaleDownDelaySeconds { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
