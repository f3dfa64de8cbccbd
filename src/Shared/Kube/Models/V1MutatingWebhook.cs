using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1MutatingWebhook
{
    public string Name { get; set; } = "";

    public AdmissionregistrationV1WebhookClientConfig ClientConfig { get; set; } = new();

    public IList<V1RuleWithOperations>? Rules { get; set; }

    public string? FailurePolicy { get; set; }

    public string? MatchPolicy { get; set; }

    public V1LabelSelector? NamespaceSelector { get; set; }

    public V1LabelSelector? ObjectSelector { get; set; }

    public string SideEffects { get; set; } = "";

    public int? TimeoutSeconds { get; set; }

    public IList<string> AdmissionReviewVersions { get; set; } = [];

    public string? ReinvocationPolicy { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
