using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ServicePort
{
    public string? Name { get; set; }

    public int Port { get; set; }

    public IntOrString? TargetPort { get; set; }

    public string? Protocol { get; set; }

    public int? NodePort { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
