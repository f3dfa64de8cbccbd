using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class AdmissionregistrationV1WebhookClientConfig
{
    public string? Url { get; set; }

    public byte[]? CaBundle { get; set; }

    public AdmissionregistrationV1ServiceReference? Service { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
