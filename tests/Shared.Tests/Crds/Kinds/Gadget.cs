using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Crds.Kinds;

/// <summary>A kind that uses every feature of the CRD generator.</summary>
[Description("A gadget for generator tests.")]
[ShortNames("gd", "gds")]
[Categories("tollgate-tests")]
[StatusSubresource]
[ScaleSubresource(".spec.replicas", ".status.replicas", LabelSelectorPath = ".status.selector")]
[PrinterColumn("Color", "string", ".spec.color", Description = "Color of the gadget")]
[PrinterColumn("Code", "string", ".spec.code", Priority = 1)]
public sealed class Gadget : IKubernetesResource<Gadget>
{
    public static ResourceDescriptor Resource { get; } = new("crds.test.tollgate.dev", "v1", "Gadget", "gadgets", Namespaced: true);

    public string? ApiVersion { get; set; } = "crds.test.tollgate.dev/v1";

    public string? Kind { get; set; } = "Gadget";

    public V1ObjectMeta Metadata { get; set; } = new();

    [Required]
    public GadgetSpec Spec { get; set; } = new();

    public GadgetStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
