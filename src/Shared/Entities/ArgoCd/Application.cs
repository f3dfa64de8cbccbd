using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Entities;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>An Argo CD application: what to deploy (one or more sources), where, and under which project.</summary>
[Description("An Argo CD application: what to deploy (one or more sources), where, and under which project.")]
[ShortNames("app", "apps")]
[PrinterColumn("Sync Status", "string", ".status.sync.status")]
[PrinterColumn("Health Status", "string", ".status.health.status")]
[PrinterColumn("Revision", "string", ".status.sync.revision", Priority = 10)]
[PrinterColumn("Project", "string", ".spec.project", Priority = 10)]
public sealed class Application() : CustomKubernetesEntity<ApplicationSpec>(Resource), IKubernetesResource<Application>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "Application", "applications", Namespaced: true);

    [Required]
    public override V1ObjectMeta Metadata
    {
        get => base.Metadata;
        set => base.Metadata = value;
    }

    [Description("A sync or rollback requested of the Argo CD application controller.")]
    [SchemaType("object")]
    public JsonElement? Operation { get; set; }

    /// <summary>Kept as written: Tollgate reads nothing of an Application's status, so it has no type of its own.</summary>
    [SchemaType("object")]
    public JsonElement? Status { get; set; }
}
