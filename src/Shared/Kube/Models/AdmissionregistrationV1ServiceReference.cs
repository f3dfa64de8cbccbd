using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class AdmissionregistrationV1ServiceReference
{
    public string Namespace { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Path { get; set; }

    public int? Port { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
