using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.ArgoCd;

public sealed class ApplicationSource
{
    [JsonPropertyName("repoURL")]
    public string? RepoUrl { get; set; }

    public string? Path { get; set; }

    public string? TargetRevision { get; set; }

    public string? Chart { get; set; }

    /// <summary>The name other sources of a multi-source application use to refer to this one.</summary>
    public string? Ref { get; set; }

    public string? Name { get; set; }

    public JsonElement? Helm { get; set; }

    public JsonElement? Kustomize { get; set; }

    public JsonElement? Directory { get; set; }

    public JsonElement? Plugin { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
