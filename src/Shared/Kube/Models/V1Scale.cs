using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

/// <summary>The scale subresource of a workload; it is served only below its parent, never as a collection of its own.</summary>
public sealed class V1Scale : IKubernetesResource<V1Scale>
{
    public static ResourceDescriptor Resource { get; } = new("autoscaling", "v1", "Scale", "scale", Namespaced: true);

    public string? ApiVersion { get; set; } = "autoscaling/v1";

    public string? Kind { get; set; } = "Scale";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1ScaleSpec? Spec { get; set; }

    public V1ScaleStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
