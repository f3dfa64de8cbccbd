using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ResourceAttributes
{
    public string? Namespace { get; set; }

    public string? Verb { get; set; }

    public string? Group { get; set; }

    public string? Version { get; set; }

    public string? Resource { get; set; }

    public string? Subresource { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
