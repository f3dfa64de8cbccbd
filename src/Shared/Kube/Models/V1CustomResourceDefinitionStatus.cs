using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1CustomResourceDefinitionStatus
{
    public IList<V1CustomResourceDefinitionCondition>? Conditions { get; set; }

    public V1CustomResourceDefinitionNames? AcceptedNames { get; set; }

    public IList<string>? StoredVersions { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
