using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("HTTP basic authentication; both fields are required when either is set.")]
public sealed class BasicAuthConfig
{
    public string? Username { get; set; }

    public string? Password { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
