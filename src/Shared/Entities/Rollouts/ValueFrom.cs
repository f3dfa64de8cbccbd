using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class ValueFrom
{
    public SecretKeyRef? SecretKeyRef { get; set; }

    public FieldRef? FieldRef { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
