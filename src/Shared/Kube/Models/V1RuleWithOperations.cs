using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1RuleWithOperations
{
    public IList<string>? Operations { get; set; }

    public IList<string>? ApiGroups { get; set; }

    public IList<string>? ApiVersions { get; set; }

    public IList<string>? Resources { get; set; }

    public string? Scope { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
