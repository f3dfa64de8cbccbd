using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class Measurement
{
    [Required]
    public string Phase { get; set; } = "";

    public string? Message { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    [Description("The measured value as text, such as \"[0.99]\".")]
    public string? Value { get; set; }

    [Description("When the next measurement is due, for measurements that run long (jobs).")]
    public DateTimeOffset? ResumeAt { get; set; }

    public IDictionary<string, string>? Metadata { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
