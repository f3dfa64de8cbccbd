using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>An Argo CD project: which repositories, destinations and kinds its applications may use, and who may act on them.</summary>
[Description("An Argo CD project: which repositories, destinations and kinds its applications may use, and who may act on them.")]
[ShortNames("appproj", "appprojs")]
public sealed class AppProject : IKubernetesResource<AppProject>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "AppProject", "appprojects", Namespaced: true);

    public string? ApiVersion { get; set; } = "argoproj.io/v1alpha1";

    public string? Kind { get; set; } = "AppProject";

    [Required]
    public V1ObjectMeta Metadata { get; set; } = new();

    [Required]
    public AppProjectSpec Spec { get; set; } = new();

    public AppProjectStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
