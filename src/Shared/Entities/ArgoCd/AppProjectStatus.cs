using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.ArgoCd;

[PreserveUnknownFields]
public sealed class AppProjectStatus
{
    [SchemaType("object")]
    public JsonElement? JwtTokensByRole { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
