using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>A cluster (by API server URL or by registered name) and namespace; used by applications and by project destination rules.</summary>
[PreserveUnknownFields]
public sealed class ApplicationDestination
{
    public string? Server { get; set; }

    public string? Name { get; set; }

    public string? Namespace { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
