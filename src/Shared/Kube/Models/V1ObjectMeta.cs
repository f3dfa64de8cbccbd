using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1ObjectMeta
{
    public string? Name { get; set; }

    public string? GenerateName { get; set; }

    public string? Namespace { get; set; }

    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }

    public long? Generation { get; set; }

    public DateTimeOffset? CreationTimestamp { get; set; }

    public DateTimeOffset? DeletionTimestamp { get; set; }

    public long? DeletionGracePeriodSeconds { get; set; }

    public IDictionary<string, string>? Labels { get; set; }

    public IDictionary<string, string>? Annotations { get; set; }

    public IList<V1OwnerReference>? OwnerReferences { get; set; }

    public IList<string>? Finalizers { get; set; }

    /// <summary>Fields this model does not name (managedFields, selfLink...), kept so a read-modify-write loses nothing.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
