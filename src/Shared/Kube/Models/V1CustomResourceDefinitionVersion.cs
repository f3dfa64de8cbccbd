using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1CustomResourceDefinitionVersion
{
    public string Name { get; set; } = "";

    public bool Served { get; set; }

    public bool Storage { get; set; }

    public V1CustomResourceValidation? Schema { get; set; }

    public JsonObject? Subresources { get; set; }

    public JsonArray? AdditionalPrinterColumns { get; set; }

    public bool? Deprecated { get; set; }

    public string? DeprecationWarning { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
