using System.Text.Json;

namespace Tollgate.Rollouts.Controllers;

/// <summary>The spec of a <see cref="CachedReplicaSet"/>.</summary>
public sealed class CachedReplicaSetSpec
{
    public int? Replicas { get; set; }

    /// <summary>
    /// Read only to recognize a ReplicaSet made by Argo Rollouts for the same template, which is rare: one compact JSON
    /// value costs a fraction of the object graph it would otherwise be.
    /// </summary>
    public JsonElement? Template { get; set; }
}
