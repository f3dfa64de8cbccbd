using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Crds.Kinds;

public sealed class GadgetSpec
{
    public int? Replicas { get; set; }

    [Required]
    public GadgetColor Color { get; set; }

    [Description("Surge as a number or a percentage.")]
    public IntOrString? MaxSurge { get; set; }

    [Range(0, 100)]
    public int? Weight { get; set; }

    [RegularExpression("^[a-z]+$")]
    public string? Code { get; set; }

    [AllowedValues("fast", "slow")]
    public string? Speed { get; set; }

    public long? Size { get; set; }

    public double? Ratio { get; set; }

    public DateTimeOffset? StartAt { get; set; }

    public JsonElement? Anything { get; set; }

    [SchemaType("array")]
    public JsonElement? Extras { get; set; }

    public JsonObject? Settings { get; set; }

    public IDictionary<string, string>? Labels { get; set; }

    public IDictionary<string, GadgetPart>? PartsByName { get; set; }

    public IList<GadgetPart>? Parts { get; set; }

    public V1PodTemplateSpec? Template { get; set; }

    [PreserveUnknownFields]
    public GadgetPart? Loose { get; set; }

    [JsonPropertyName("URL")]
    public string? Url { get; set; }

    [JsonIgnore]
    public string? NotSerialized { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
