namespace Tollgate.Shared.Kube.Discovery;

public sealed class V1APIResourceList
{
    public string? GroupVersion { get; set; }

    public IList<V1APIResource> Resources { get; set; } = [];
}
