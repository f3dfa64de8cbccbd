using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

/// <summary>A stored pod template (core/v1 PodTemplate); its defaulting is a ReplicaSet template's.</summary>
public sealed class V1PodTemplate : IKubernetesResource<V1PodTemplate>
{
    public static ResourceDescriptor Resource { get; } = new("", "v1", "PodTemplate", "podtemplates", Namespaced: true);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "PodTemplate";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1PodTemplateSpec? Template { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
