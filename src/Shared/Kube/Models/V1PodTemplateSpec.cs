using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1PodTemplateSpec
{
    public V1ObjectMeta? Metadata { get; set; }

    public V1PodSpec? Spec { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
