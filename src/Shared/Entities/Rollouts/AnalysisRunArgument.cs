using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

/// <summary>An argument a Rollout passes to its analysis; its value may come from the rollout's own pods.</summary>
public sealed class AnalysisRunArgument
{
    [Required]
    public string Name { get; set; } = "";

    public string? Value { get; set; }

    public ArgumentValueFrom? ValueFrom { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
