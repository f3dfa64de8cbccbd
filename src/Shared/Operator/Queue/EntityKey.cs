using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Queue;

/// <summary>What a work queue holds: the namespace (null for cluster-scoped kinds) and name of one object.</summary>
public sealed record EntityKey(string? Namespace, string Name)
{
    public static EntityKey From(IKubernetesObject<V1ObjectMeta> entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var name = entity.Metadata.Name ?? throw new ArgumentException("the object has no metadata.name", nameof(entity));
        return new EntityKey(string.IsNullOrEmpty(entity.Metadata.Namespace) ? null : entity.Metadata.Namespace, name);
    }

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
