using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Tests.Crds.Kinds;

[Description("A part of a gadget.")]
public sealed class GadgetPart
{
    [Required]
    public string Name { get; set; } = "";

    [MinLength(1)]
    public IList<string>? Tags { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
