using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("An argument of an analysis: a literal value, a value from a Secret or a field, or none (the rollout supplies it).")]
public sealed class Argument
{
    [Required]
    public string Name { get; set; } = "";

    public string? Value { get; set; }

    public ValueFrom? ValueFrom { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
