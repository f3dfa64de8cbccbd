using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Admission.Review;

/// <summary>The authenticated caller (authentication.k8s.io/v1 UserInfo).</summary>
public sealed class UserInfo
{
    public string? Username { get; set; }

    public string? Uid { get; set; }

    public IList<string>? Groups { get; set; }

    /// <summary>Authenticator-specific attributes, such as the scopes of a token or a service account's pod name.</summary>
    public IDictionary<string, IList<string>>? Extra { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
