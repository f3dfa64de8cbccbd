using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>Pure: the owner an object's controlling ownerReference names, as the owner controller's queue key.</summary>
public static class OwnerKeys
{
    /// <returns>Null when no ownerReference with <c>controller: true</c> names a kind of <paramref name="owner"/>.</returns>
    public static EntityKey? ControllerOf(V1ObjectMeta metadata, ResourceDescriptor owner)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(owner);
        foreach (var reference in metadata.OwnerReferences ?? [])
        {
            if (reference.Controller != true || reference.Kind != owner.Kind || GroupOf(reference.ApiVersion) != owner.Group || reference.Name.Length == 0)
            {
                continue;
            }

            // Kubernetes allows a namespaced owner only for objects in its own namespace.
            if (!owner.Namespaced)
            {
                return new EntityKey(null, reference.Name);
            }

            return string.IsNullOrEmpty(metadata.Namespace) ? null : new EntityKey(metadata.Namespace, reference.Name);
        }

        return null;
    }

    private static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
