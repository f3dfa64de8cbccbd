using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

/// <summary>A page of a list call: items plus the list's resourceVersion and continue token.</summary>
public sealed class KubernetesList<T>
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<T> Items { get; set; } = [];
}
