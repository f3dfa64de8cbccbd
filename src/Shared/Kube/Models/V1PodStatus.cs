using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1PodStatus
{
    public string? Phase { get; set; }

    public IList<V1PodCondition>? Conditions { get; set; }

    public string? PodIP { get; set; }

    public string? HostIP { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public IList<V1ContainerStatus>? ContainerStatuses { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
