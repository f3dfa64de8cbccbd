using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class FieldRef
{
    [Required]
    public string FieldPath { get; set; } = "";

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
