using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.KubectlPlugin;

/// <summary>The merge patches kubectl-argo-rollouts sends for each operation, split into spec and status (subresource) parts.</summary>
public static class RolloutPatches
{
    public static RolloutPatch For(string verb, Rollout rollout, bool full, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var status = rollout.Status;
        return verb switch
        {
            "promote" when full => new RolloutPatch(rollout.Spec.Paused == true ? new JsonObject { ["paused"] = false } : null, new JsonObject { ["promoteFull"] = true }),
            "promote" when rollout.Spec.Paused == true || (status?.PauseConditions?.Count ?? 0) > 0 || status?.ControllerPause == true =>
                new RolloutPatch(rollout.Spec.Paused == true ? new JsonObject { ["paused"] = false } : null, new JsonObject { ["pauseConditions"] = null }),
            // Blue-green has no steps: with nothing paused, kubectl-argo-rollouts sends no patch at all.
            "promote" when rollout.Spec.Strategy?.BlueGreen is not null => new RolloutPatch(null, null),
            "promote" => new RolloutPatch(null, new JsonObject { ["currentStepIndex"] = Math.Min((status?.CurrentStepIndex ?? 0) + 1, rollout.Spec.Strategy?.Canary?.Steps?.Count ?? 0) }),
            "abort" => new RolloutPatch(null, new JsonObject { ["abort"] = true }),
            "retry" => new RolloutPatch(null, new JsonObject { ["abort"] = false }),
            "restart" => new RolloutPatch(new JsonObject { ["restartAt"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }, null),
            "pause" => new RolloutPatch(new JsonObject { ["paused"] = true }, null),
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "not an operation"),
        };
    }
}
