using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class RunSummary
{
    public int? Count { get; set; }

    public int? Successful { get; set; }

    public int? Failed { get; set; }

    public int? Inconclusive { get; set; }

    public int? Error { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
