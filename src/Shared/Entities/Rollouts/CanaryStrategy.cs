using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("Moves pods to the new template in steps (weights, pauses, analyses), rolling back when an analysis fails.")]
public sealed class CanaryStrategy
{
    [Description("Service whose selector the controller points at the canary pods.")]
    public string? CanaryService { get; set; }

    [Description("Service whose selector the controller points at the stable pods.")]
    public string? StableService { get; set; }

    [Description("The steps of an update, in order; without steps the update goes straight to 100%.")]
    public IList<CanaryStep>? Steps { get; set; }

    [Description("Pods (number or percentage) that may exist above the desired count during the update.")]
    public IntOrString? MaxSurge { get; set; }

    [Description("Pods (number or percentage) that may be unavailable during the update.")]
    public IntOrString? MaxUnavailable { get; set; }

    [Description("An analysis that runs in the background for the whole update.")]
    public RolloutAnalysisBackground? Analysis { get; set; }

    [Description("Seconds to wait before scaling the canary down after an abort; 0 keeps it.")]
    public int? AbortScaleDownDelaySeconds { get; set; }

    [Description("Seconds to wait before scaling the old ReplicaSet down after a traffic switch.")]
    public int? ScaleDownDelaySeconds { get; set; }

    public int? ScaleDownDelayRevisionLimit { get; set; }

    public int? MinPodsPerReplicaSet { get; set; }

    public bool? DynamicStableScale { get; set; }

    [Description("The ingress or mesh that splits traffic by weight; without it the weight is a share of the pods.")]
    public RolloutTrafficRouting? TrafficRouting { get; set; }

    [SchemaType("object")]
    public JsonElement? AntiAffinity { get; set; }

    [SchemaType("object")]
    public JsonElement? CanaryMetadata { get; set; }

    [SchemaType("object")]
    public JsonElement? StableMetadata { get; set; }

    [SchemaType("object")]
    public JsonElement? PingPong { get; set; }

    [SchemaType("object")]
    public JsonElement? ReplicaProgressThreshold { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
