using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>A project role: casbin-style policies plus the SSO groups bound to it.</summary>
public sealed class ProjectRole
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public IList<string>? Policies { get; set; }

    public IList<string>? Groups { get; set; }

    public JsonElement? JwtTokens { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
