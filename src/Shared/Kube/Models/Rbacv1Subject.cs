using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class Rbacv1Subject
{
    public string Kind { get; set; } = "";

    public string? ApiGroup { get; set; }

    public string Name { get; set; } = "";

    public string? Namespace { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
