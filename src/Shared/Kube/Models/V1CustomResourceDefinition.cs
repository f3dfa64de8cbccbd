using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1CustomResourceDefinition : IKubernetesResource<V1CustomResourceDefinition>
{
    public static ResourceDescriptor Resource { get; } = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false);

    public string? ApiVersion { get; set; } = "apiextensions.k8s.io/v1";

    public string? Kind { get; set; } = "CustomResourceDefinition";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1CustomResourceDefinitionSpec Spec { get; set; } = new();

    public V1CustomResourceDefinitionStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
