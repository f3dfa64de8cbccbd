using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

/// <summary>Create-only: the API server answers in Status whether the caller may do what Spec describes.</summary>
public sealed class V1SelfSubjectAccessReview : IKubernetesResource<V1SelfSubjectAccessReview>
{
    public static ResourceDescriptor Resource { get; } = new("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", Namespaced: false);

    public string? ApiVersion { get; set; } = "authorization.k8s.io/v1";

    public string? Kind { get; set; } = "SelfSubjectAccessReview";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1SelfSubjectAccessReviewSpec Spec { get; set; } = new();

    public V1SubjectAccessReviewStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
