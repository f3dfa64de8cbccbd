using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("How pods move to a new template: canary or blue-green.")]
public sealed class RolloutStrategy
{
    public CanaryStrategy? Canary { get; set; }

    [Description("Argo Rollouts' blue-green strategy; kept as written, Tollgate does not run it.")]
    [SchemaType("object")]
    public JsonElement? BlueGreen { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
