using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Operator.Entities;

/// <summary>
/// A custom kind with a spec and a status. Unlike KubeOps' the status starts absent: a kind has none until its
/// controller writes one, and a kind without a status subresource (Argo's AnalysisRun) must not be created with an
/// empty status its schema refuses.
/// </summary>
public abstract class CustomKubernetesEntity<TSpec, TStatus> : CustomKubernetesEntity<TSpec>
    where TSpec : new()
    where TStatus : class
{
    protected CustomKubernetesEntity()
    {
    }

    protected CustomKubernetesEntity(ResourceDescriptor resource)
        : base(resource)
    {
    }

    public TStatus? Status { get; set; }
}
