using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1PolicyRule
{
    public IList<string>? ApiGroups { get; set; }

    public IList<string>? Resources { get; set; }

    public IList<string>? ResourceNames { get; set; }

    public IList<string> Verbs { get; set; } = [];

    public IList<string>? NonResourceURLs { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
