using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.ArgoCd;

[PreserveUnknownFields]
public sealed class ApplicationSpec
{
    /// <summary>The project name; Argo CD reads an empty value as <c>default</c>.</summary>
    [Required]
    public string? Project { get; set; }

    public ApplicationSource? Source { get; set; }

    /// <summary>Multi-source applications; when non-empty Argo CD ignores <see cref="Source"/>.</summary>
    public IList<ApplicationSource>? Sources { get; set; }

    [Required]
    public ApplicationDestination? Destination { get; set; }

    [SchemaType("object")]
    public JsonElement? SyncPolicy { get; set; }

    [SchemaType("array")]
    public JsonElement? IgnoreDifferences { get; set; }

    public long? RevisionHistoryLimit { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
