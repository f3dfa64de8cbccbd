using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1DeploymentSpec
{
    public int? Replicas { get; set; }

    public V1LabelSelector Selector { get; set; } = new();

    public V1PodTemplateSpec Template { get; set; } = new();

    public int? MinReadySeconds { get; set; }

    public int? RevisionHistoryLimit { get; set; }

    public bool? Paused { get; set; }

    public int? ProgressDeadlineSeconds { get; set; }

    public JsonElement? Strategy { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
