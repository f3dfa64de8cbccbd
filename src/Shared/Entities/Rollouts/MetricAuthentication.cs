using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("Authentication of a metric provider's requests.")]
public sealed class MetricAuthentication
{
    [Description("AWS SigV4 signing for Amazon Managed Prometheus; refused by Tollgate.")]
    public Sigv4Config? Sigv4 { get; set; }

    [JsonPropertyName("oauth2")]
    [Description("OAuth2 client credentials: a token is fetched from tokenUrl and sent as the Authorization header.")]
    public OAuth2Config? OAuth2 { get; set; }

    [Description("HTTP basic authentication (Prometheus only).")]
    public BasicAuthConfig? BasicAuth { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
