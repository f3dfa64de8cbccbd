using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ContainerStatus
{
    public string Name { get; set; } = "";

    public bool Ready { get; set; }

    public int RestartCount { get; set; }

    public string Image { get; set; } = "";

    public string ImageID { get; set; } = "";

    public bool? Started { get; set; }

    public JsonElement? State { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
