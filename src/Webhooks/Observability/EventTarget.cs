using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Webhooks.Observability;

/// <summary>The object an Event is about, built from an admission request (the object may not be stored yet).</summary>
public sealed class EventTarget : IKubernetesObject<V1ObjectMeta>
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();
}
