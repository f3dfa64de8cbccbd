using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ScaleStatus
{
    public int Replicas { get; set; }

    public string? Selector { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
