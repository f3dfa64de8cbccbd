using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1CustomResourceDefinitionNames
{
    public string Plural { get; set; } = "";

    public string? Singular { get; set; }

    public string Kind { get; set; } = "";

    public string? ListKind { get; set; }

    public IList<string>? ShortNames { get; set; }

    public IList<string>? Categories { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
