using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>An Argo CD application: what to deploy (one or more sources), where, and under which project.</summary>
public sealed class Application : IKubernetesResource<Application>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "Application", "applications", Namespaced: true);

    public string? ApiVersion { get; set; } = "argoproj.io/v1alpha1";

    public string? Kind { get; set; } = "Application";

    public V1ObjectMeta Metadata { get; set; } = new();

    public ApplicationSpec Spec { get; set; } = new();

    public JsonElement? Operation { get; set; }

    public JsonElement? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
