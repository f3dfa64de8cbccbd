using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Entities;

namespace Tollgate.Shared.Tests.Crds.Kinds;

/// <summary>A kind whose [KubernetesEntity] disagrees with its Resource.</summary>
[KubernetesEntity(Group = "crds.test.tollgate.dev", ApiVersion = "v2", Kind = "MislabelledKind")]
public sealed class MislabelledKind : IKubernetesResource<MislabelledKind>
{
    public static ResourceDescriptor Resource { get; } = new("crds.test.tollgate.dev", "v1", "MislabelledKind", "mislabelledkinds", Namespaced: true);

    public string? ApiVersion { get; set; } = "crds.test.tollgate.dev/v1";

    public string? Kind { get; set; } = "MislabelledKind";

    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
