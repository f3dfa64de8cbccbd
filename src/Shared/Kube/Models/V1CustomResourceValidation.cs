using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1CustomResourceValidation
{
    [JsonPropertyName("openAPIV3Schema")]
    public JsonObject? OpenAPIV3Schema { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
