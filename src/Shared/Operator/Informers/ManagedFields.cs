using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Informers;

/// <summary>Server-side apply's field ownership records, which informer caches leave out.</summary>
public static class ManagedFields
{
    public const string FieldName = "managedFields";

    /// <returns>Whether there was anything to drop.</returns>
    public static bool Strip(V1ObjectMeta metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.AdditionalProperties?.Remove(FieldName) == true;
    }
}
