using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.ArgoCd;

public sealed class ApplicationSpec
{
    /// <summary>The project name; Argo CD reads an empty value as <c>default</c>.</summary>
    public string? Project { get; set; }

    public ApplicationSource? Source { get; set; }

    /// <summary>Multi-source applications; when non-empty Argo CD ignores <see cref="Source"/>.</summary>
    public IList<ApplicationSource>? Sources { get; set; }

    public ApplicationDestination? Destination { get; set; }

    public JsonElement? SyncPolicy { get; set; }

    public JsonElement? IgnoreDifferences { get; set; }

    public long? RevisionHistoryLimit { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
