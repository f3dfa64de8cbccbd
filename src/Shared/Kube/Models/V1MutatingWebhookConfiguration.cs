using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1MutatingWebhookConfiguration : IKubernetesResource<V1MutatingWebhookConfiguration>
{
    public static ResourceDescriptor Resource { get; } = new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", Namespaced: false);

    public string? ApiVersion { get; set; } = "admissionregistration.k8s.io/v1";

    public string? Kind { get; set; } = "MutatingWebhookConfiguration";

    public V1ObjectMeta Metadata { get; set; } = new();

    public IList<V1MutatingWebhook>? Webhooks { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
