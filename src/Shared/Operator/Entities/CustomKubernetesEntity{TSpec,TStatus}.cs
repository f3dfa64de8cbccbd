using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Operator.Entities;

/// <summary>A custom kind with a spec and a status (written through the status subresource).</summary>
public abstract class CustomKubernetesEntity<TSpec, TStatus> : CustomKubernetesEntity<TSpec>
    where TSpec : new()
    where TStatus : new()
{
    protected CustomKubernetesEntity()
    {
    }

    protected CustomKubernetesEntity(ResourceDescriptor resource)
        : base(resource)
    {
    }

    public TStatus Status { get; set; } = new();
}
