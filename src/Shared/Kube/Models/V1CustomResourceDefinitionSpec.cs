using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1CustomResourceDefinitionSpec
{
    public string Group { get; set; } = "";

    public V1CustomResourceDefinitionNames Names { get; set; } = new();

    public string Scope { get; set; } = "";

    public IList<V1CustomResourceDefinitionVersion> Versions { get; set; } = [];

    public bool? PreserveUnknownFields { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
