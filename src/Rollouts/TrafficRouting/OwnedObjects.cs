using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>Metadata of the objects a router creates and owns (Argo's controller reference to the Rollout).</summary>
public static class OwnedObjects
{
    public static JsonObject OwnerReference(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return new JsonObject
        {
            ["apiVersion"] = Rollout.Resource.ApiVersion,
            ["kind"] = Rollout.Resource.Kind,
            ["name"] = rollout.Metadata.Name,
            ["uid"] = rollout.Metadata.Uid,
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        };
    }

    /// <summary>Whether <paramref name="item"/>'s controller is <paramref name="rollout"/>.</summary>
    public static bool IsControlledBy(JsonObject item, Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(rollout);
        return item["metadata"]?["ownerReferences"] is JsonArray owners
            && owners.Any(o => o?["controller"]?.GetValue<bool>() == true && o["uid"]?.GetValue<string>() == rollout.Metadata.Uid);
    }
}
