using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ValidatingWebhookConfiguration : IKubernetesResource<V1ValidatingWebhookConfiguration>
{
    public static ResourceDescriptor Resource { get; } = new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", Namespaced: false);

    public string? ApiVersion { get; set; } = "admissionregistration.k8s.io/v1";

    public string? Kind { get; set; } = "ValidatingWebhookConfiguration";

    public V1ObjectMeta Metadata { get; set; } = new();

    public IList<V1ValidatingWebhook>? Webhooks { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
