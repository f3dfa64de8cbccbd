using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Crds.Kinds;

/// <summary>A kind whose spec the generator must refuse (see the spec types).</summary>
public sealed class Probe<TSpec> : IKubernetesResource<Probe<TSpec>>
    where TSpec : new()
{
    public static ResourceDescriptor Resource { get; } = new("crds.test.tollgate.dev", "v1", "Probe", "probes", Namespaced: true);

    public string? ApiVersion { get; set; } = "crds.test.tollgate.dev/v1";

    public string? Kind { get; set; } = "Probe";

    public V1ObjectMeta Metadata { get; set; } = new();

    public TSpec Spec { get; set; } = new();

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
