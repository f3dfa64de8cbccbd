using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Controllers;

/// <summary>
/// What the controller reads of a Service: its name and selector (the rest of the object is skipped when read), so
/// that the blue-green reconcile reads its Services from a cache instead of two GETs each time, as Argo's lister does.
/// </summary>
public sealed class CachedService : IKubernetesResource<CachedService>
{
    public static ResourceDescriptor Resource => V1Service.Resource;

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();

    public CachedServiceSpec? Spec { get; set; }
}
