using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Tests.Crds.Kinds;

public sealed class GadgetStatus
{
    public int? Replicas { get; set; }

    public string? Selector { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
