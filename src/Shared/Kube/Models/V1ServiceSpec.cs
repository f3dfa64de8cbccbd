using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ServiceSpec
{
    public IDictionary<string, string>? Selector { get; set; }

    public IList<V1ServicePort>? Ports { get; set; }

    public string? Type { get; set; }

    public string? ClusterIP { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
