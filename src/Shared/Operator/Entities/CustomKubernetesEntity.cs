using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Entities;

/// <summary>
/// Base of a custom kind: apiVersion, kind and metadata. A derived kind also implements
/// <see cref="IKubernetesResource{TSelf}"/> and passes its descriptor to the constructor so new objects carry the
/// apiVersion and kind the API server requires.
/// </summary>
public abstract class CustomKubernetesEntity : IKubernetesObject<V1ObjectMeta>
{
    protected CustomKubernetesEntity()
    {
    }

    protected CustomKubernetesEntity(ResourceDescriptor resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ApiVersion = resource.ApiVersion;
        Kind = resource.Kind;
    }

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    /// <summary>Virtual so a kind whose CRD requires metadata (Argo CD's) can say so with [Required] on an override.</summary>
    public virtual V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Fields the model does not name, kept so a read-modify-write loses nothing.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
