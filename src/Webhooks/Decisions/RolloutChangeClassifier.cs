using System.Text.Json;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: recognises the writes kubectl-argo-rollouts makes: spec.paused (pause, promote/resume), spec.restartAt
/// (restart), and, when the CRD has no status subresource, status.abort (abort, retry), status.promoteFull and
/// status.pauseConditions (promote).
/// </summary>
public static class RolloutChangeClassifier
{
    public static RolloutChange Classify(JsonElement? oldObject, JsonElement? newObject)
    {
        List<IReadOnlyList<string>> actions = [];
        var (oldSpec, newSpec) = (JsonComparison.Property(oldObject, "spec"), JsonComparison.Property(newObject, "spec"));
        var (oldStatus, newStatus) = (JsonComparison.Property(oldObject, "status"), JsonComparison.Property(newObject, "status"));

        var (wasPaused, isPaused) = (IsTrue(oldSpec, "paused"), IsTrue(newSpec, "paused"));
        if (!wasPaused && isPaused)
        {
            actions.Add(["pause"]);
        }
        else if (wasPaused && !isPaused)
        {
            actions.Add(["promote", "resume"]);
        }

        if (!JsonComparison.NullableEquals(JsonComparison.Property(oldSpec, "restartAt"), JsonComparison.Property(newSpec, "restartAt")))
        {
            actions.Add(["restart"]);
        }

        var (wasAborted, isAborted) = (IsTrue(oldStatus, "abort"), IsTrue(newStatus, "abort"));
        if (!wasAborted && isAborted)
        {
            actions.Add(["abort"]);
        }
        else if (wasAborted && !isAborted)
        {
            actions.Add(["retry"]);
        }

        if (!IsTrue(oldStatus, "promoteFull") && IsTrue(newStatus, "promoteFull"))
        {
            actions.Add(["promote"]);
        }

        if (JsonComparison.Property(oldStatus, "pauseConditions") is not null && JsonComparison.Property(newStatus, "pauseConditions") is null)
        {
            actions.Add(["promote", "resume"]);
        }

        var otherChanges = !JsonComparison.EqualExcept(oldObject, newObject, "metadata", "spec", "status")
            || !JsonComparison.UserMetadataEqual(oldObject, newObject)
            || !JsonComparison.EqualExcept(oldSpec, newSpec, "paused", "restartAt");
        return new RolloutChange(actions, otherChanges);
    }

    private static bool IsTrue(JsonElement? parent, string name) =>
        JsonComparison.Property(parent, name) is { ValueKind: JsonValueKind.True };
}
