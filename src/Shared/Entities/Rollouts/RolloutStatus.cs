using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class RolloutStatus
{
    [Description("Healthy, Progressing, Paused or Degraded; meaningful when observedGeneration is metadata.generation.")]
    public string? Phase { get; set; }

    public string? Message { get; set; }

    [Description("Index of the canary step being executed.")]
    public int? CurrentStepIndex { get; set; }

    [Description("Hash of the canary steps, to notice when they change.")]
    public string? CurrentStepHash { get; set; }

    [Description("pod-template-hash of the desired template.")]
    public string? CurrentPodHash { get; set; }

    [Description("pod-template-hash of the ReplicaSet that has rolled out successfully.")]
    public string? StableRS { get; set; }

    /// <summary>metadata.generation as a string: Argo Rollouts defines it so, and its tools compare it as one.</summary>
    public string? ObservedGeneration { get; set; }

    public int? Replicas { get; set; }

    public int? UpdatedReplicas { get; set; }

    public int? ReadyReplicas { get; set; }

    public int? AvailableReplicas { get; set; }

    [Description("Replicas that receive traffic; the scale subresource reports it to autoscalers.")]
    [JsonPropertyName("HPAReplicas")]
    public int? HpaReplicas { get; set; }

    [Description("Serialized label selector of the pods that receive traffic, for the scale subresource.")]
    public string? Selector { get; set; }

    public int? CollisionCount { get; set; }

    [Description("Why the controller paused the rollout; cleared by a promote.")]
    public IList<PauseCondition>? PauseConditions { get; set; }

    public bool? ControllerPause { get; set; }

    [Description("The update is being aborted back to the stable pods.")]
    public bool? Abort { get; set; }

    public DateTimeOffset? AbortedAt { get; set; }

    [Description("Skip the remaining steps and analyses.")]
    public bool? PromoteFull { get; set; }

    public DateTimeOffset? RestartedAt { get; set; }

    public CanaryStatus? Canary { get; set; }

    public BlueGreenStatus? BlueGreen { get; set; }

    public IList<RolloutCondition>? Conditions { get; set; }

    public string? WorkloadObservedGeneration { get; set; }

    [SchemaType("object")]
    public JsonElement? Alb { get; set; }

    [SchemaType("array")]
    public JsonElement? Albs { get; set; }

    [SchemaType("object")]
    public JsonElement? Duration { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
