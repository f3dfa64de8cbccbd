using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>A project role: casbin-style policies plus the SSO groups bound to it.</summary>
[PreserveUnknownFields]
public sealed class ProjectRole
{
    [Required]
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public IList<string>? Policies { get; set; }

    public IList<string>? Groups { get; set; }

    [SchemaType("array")]
    public JsonElement? JwtTokens { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
