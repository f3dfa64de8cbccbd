using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("A key of a Secret in the analysis' namespace.")]
public sealed class SecretKeyRef
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Key { get; set; } = "";

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
