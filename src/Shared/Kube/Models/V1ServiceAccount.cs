using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ServiceAccount : IKubernetesResource<V1ServiceAccount>
{
    public static ResourceDescriptor Resource { get; } = new("", "v1", "ServiceAccount", "serviceaccounts", Namespaced: true);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "ServiceAccount";

    public V1ObjectMeta Metadata { get; set; } = new();

    public IList<V1ObjectReference>? Secrets { get; set; }

    public bool? AutomountServiceAccountToken { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
