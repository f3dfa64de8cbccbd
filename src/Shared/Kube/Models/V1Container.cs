using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1Container
{
    public string Name { get; set; } = "";

    public string? Image { get; set; }

    public IList<string>? Command { get; set; }

    public IList<string>? Args { get; set; }

    public IList<V1EnvVar>? Env { get; set; }

    public IList<V1ContainerPort>? Ports { get; set; }

    public JsonElement? ReadinessProbe { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
