using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>An Argo CD application: what to deploy (one or more sources), where, and under which project.</summary>
[Description("An Argo CD application: what to deploy (one or more sources), where, and under which project.")]
[ShortNames("app", "apps")]
[PrinterColumn("Sync Status", "string", ".status.sync.status")]
[PrinterColumn("Health Status", "string", ".status.health.status")]
[PrinterColumn("Revision", "string", ".status.sync.revision", Priority = 10)]
[PrinterColumn("Project", "string", ".spec.project", Priority = 10)]
public sealed class Application : IKubernetesResource<Application>
{
    public static ResourceDescriptor Resource { get; } = new("argoproj.io", "v1alpha1", "Application", "applications", Namespaced: true);

    public string? ApiVersion { get; set; } = "argoproj.io/v1alpha1";

    public string? Kind { get; set; } = "Application";

    [Required]
    public V1ObjectMeta Metadata { get; set; } = new();

    [Required]
    public ApplicationSpec Spec { get; set; } = new();

    [Description("A sync or rollback requested of the Argo CD application controller.")]
    [SchemaType("object")]
    public JsonElement? Operation { get; set; }

    [SchemaType("object")]
    public JsonElement? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
