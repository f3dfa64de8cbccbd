using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1SelfSubjectAccessReviewSpec
{
    public V1ResourceAttributes? ResourceAttributes { get; set; }

    public V1NonResourceAttributes? NonResourceAttributes { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
