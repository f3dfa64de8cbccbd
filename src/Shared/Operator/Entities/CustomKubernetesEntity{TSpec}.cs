using System.ComponentModel.DataAnnotations;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Operator.Entities;

/// <summary>A custom kind with a spec.</summary>
public abstract class CustomKubernetesEntity<TSpec> : CustomKubernetesEntity
    where TSpec : new()
{
    protected CustomKubernetesEntity()
    {
    }

    protected CustomKubernetesEntity(ResourceDescriptor resource)
        : base(resource)
    {
    }

    [Required]
    public TSpec Spec { get; set; } = new();
}
