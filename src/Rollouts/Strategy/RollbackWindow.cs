using System.Text.Json;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// spec.rollbackWindow.revisions: going back to a ReplicaSet older than the stable one skips the steps when fewer than
/// that many ReplicaSets were created between the two (Argo's isRollbackWithinWindow).
/// </summary>
public static class RollbackWindow
{
    public static bool IsWithin(JsonElement? window, ObservedReplicaSet? current, ObservedReplicaSet? stable, IEnumerable<ObservedReplicaSet> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (current?.Created is not { } currentCreated || stable?.Created is not { } stableCreated || currentCreated >= stableCreated
            || window is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("revisions", out var revisionsElement) || !revisionsElement.TryGetInt32(out var revisions) || revisions <= 0)
        {
            return false;
        }

        var between = all.Count(rs => rs.Created is { } created && created < stableCreated && currentCreated < created);
        return between < revisions;
    }
}
