using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.ArgoCd;

public sealed class AppProjectStatus
{
    public JsonElement? JwtTokensByRole { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
