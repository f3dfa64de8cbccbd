using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Entities;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>An Argo CD project: which repositories, destinations and kinds its applications may use, and who may act on them.</summary>
[Description("An Argo CD project: which repositories, destinations and kinds its applications may use, and who may act on them.")]
[ShortNames("appproj", "appprojs")]
public sealed class AppProject() : CustomKubernetesEntity<AppProjectSpec, AppProjectStatus>(Resource), IKubernetesResource<AppProject>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "AppProject", "appprojects", Namespaced: true);

    [Required]
    public override V1ObjectMeta Metadata
    {
        get => base.Metadata;
        set => base.Metadata = value;
    }
}
