using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("AWS SigV4 signing settings, kept as written so admission can refuse them by name.")]
public sealed class Sigv4Config
{
    public string? Region { get; set; }

    public string? Profile { get; set; }

    [JsonPropertyName("roleArn")]
    public string? RoleArn { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
