using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class RolloutSpec
{
    [Description("Number of desired pods; absent means 1.")]
    public int? Replicas { get; set; }

    [Description("Selects the pods of this rollout; must match the template's labels.")]
    public V1LabelSelector? Selector { get; set; }

    [Description("The pods to run.")]
    public V1PodTemplateSpec? Template { get; set; }

    [Description("A Deployment (or other workload) whose pod template is used instead of template.")]
    [SchemaType("object")]
    public JsonElement? WorkloadRef { get; set; }

    [Description("Seconds a new pod must be ready, without a container crashing, to count as available.")]
    public int? MinReadySeconds { get; set; }

    [Description("Number of old ReplicaSets to keep for rollback.")]
    public int? RevisionHistoryLimit { get; set; }

    [Description("Stops the rollout from progressing until set back to false.")]
    public bool? Paused { get; set; }

    [Description("Pods older than this time are restarted.")]
    public DateTimeOffset? RestartAt { get; set; }

    [Description("Seconds without progress before the rollout is reported as failed to progress.")]
    public int? ProgressDeadlineSeconds { get; set; }

    [Description("Abort the update when progressDeadlineSeconds is exceeded.")]
    public bool? ProgressDeadlineAbort { get; set; }

    public RolloutStrategy? Strategy { get; set; }

    [Description("How many successful and unsuccessful AnalysisRuns to keep.")]
    [SchemaType("object")]
    public JsonElement? Analysis { get; set; }

    [SchemaType("object")]
    public JsonElement? RollbackWindow { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
