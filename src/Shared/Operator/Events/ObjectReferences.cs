using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Events;

public static class ObjectReferences
{
    /// <summary>A reference to <paramref name="entity"/> as Events and owner links use it.</summary>
    public static V1ObjectReference ToObjectReference(this IKubernetesObject<V1ObjectMeta> entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new V1ObjectReference
        {
            ApiVersion = entity.ApiVersion,
            Kind = entity.Kind,
            Name = entity.Metadata.Name,
            Namespace = entity.Metadata.Namespace,
            Uid = entity.Metadata.Uid,
            ResourceVersion = entity.Metadata.ResourceVersion,
        };
    }
}
