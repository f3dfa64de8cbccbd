using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1PodSpec
{
    public IList<V1Container> Containers { get; set; } = [];

    public string? NodeName { get; set; }

    public string? ServiceAccountName { get; set; }

    public string? RestartPolicy { get; set; }

    public long? TerminationGracePeriodSeconds { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
