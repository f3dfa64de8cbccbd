using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1RoleRef
{
    public string ApiGroup { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
