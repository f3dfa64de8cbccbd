using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("OAuth2 client credentials grant.")]
public sealed class OAuth2Config
{
    [JsonPropertyName("tokenUrl")]
    [Description("The token endpoint.")]
    public string? TokenUrl { get; set; }

    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    [JsonPropertyName("clientSecret")]
    [Description("The client secret; usually {{args.name}} with the argument read from a Secret.")]
    public string? ClientSecret { get; set; }

    public IList<string>? Scopes { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
