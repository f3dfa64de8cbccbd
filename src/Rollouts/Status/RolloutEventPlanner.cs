using System.Globalization;
using Tollgate.Rollouts.Canary;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Status;

/// <summary>Which events a reconcile owes, from the status before and after it (so a retried reconcile repeats none).</summary>
public static class RolloutEventPlanner
{
    public static IReadOnlyList<RolloutEvent> Plan(RolloutStatus? before, RolloutStatus after, IReadOnlyList<Canary.CanaryStep> steps, string? abortDetail)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(steps);
        var events = new List<RolloutEvent>();
        if (before?.CurrentPodHash is { } oldHash && oldHash != after.CurrentPodHash)
        {
            events.Add(new RolloutEvent(false, "RolloutUpdated", $"Rollout updated to revision {after.CurrentPodHash}"));
        }

        if (after.Abort == true && before?.Abort != true)
        {
            events.Add(new RolloutEvent(true, "RolloutAborted", abortDetail ?? $"Rollout aborted update to revision {after.CurrentPodHash}"));
        }

        if (after.Abort != true && before?.Abort == true && before.CurrentPodHash == after.CurrentPodHash)
        {
            events.Add(new RolloutEvent(false, "RolloutRetried", "Rollout retried: steps start again from the first"));
        }

        var invalid = after.Conditions?.FirstOrDefault(c => c.Type == RolloutConditionTypes.InvalidSpec);
        var wasInvalid = before?.Conditions?.FirstOrDefault(c => c.Type == RolloutConditionTypes.InvalidSpec);
        if (invalid is not null && invalid.Message != wasInvalid?.Message)
        {
            events.Add(new RolloutEvent(true, RolloutConditionTypes.ReasonInvalidSpec, invalid.Message ?? ""));
        }

        var oldIndex = before?.CurrentStepIndex;
        var newIndex = after.CurrentStepIndex;
        if (oldIndex is { } previous && newIndex is { } next && next > previous && before?.CurrentPodHash == after.CurrentPodHash)
        {
            for (var index = previous; index < next && index < steps.Count; index++)
            {
                events.Add(new RolloutEvent(false, "RolloutStepCompleted",
                    $"Rollout step {(index + 1).ToString(CultureInfo.InvariantCulture)}/{steps.Count.ToString(CultureInfo.InvariantCulture)} completed ({StepDescriptions.Describe(steps[index])})"));
            }
        }

        var oldWeight = before?.Canary?.Weights?.Canary.Weight;
        var newWeight = after.Canary?.Weights?.Canary.Weight;
        if (newWeight is { } weight && oldWeight != weight)
        {
            events.Add(new RolloutEvent(false, "SetWeight", $"Set canary weight to {weight.ToString(CultureInfo.InvariantCulture)}%"));
        }

        var oldReasons = (before?.PauseConditions ?? []).Select(c => c.Reason).ToHashSet(StringComparer.Ordinal);
        foreach (var added in (after.PauseConditions ?? []).Where(c => !oldReasons.Contains(c.Reason)))
        {
            events.Add(new RolloutEvent(false, "RolloutPaused", $"Rollout is paused ({added.Reason})"));
        }

        if (before?.ControllerPause == true && (before.PauseConditions?.Count ?? 0) == 0 && after.ControllerPause != true && after.Abort != true)
        {
            events.Add(new RolloutEvent(false, "RolloutResumed", "Rollout is resumed (promoted)"));
        }
        else if ((before?.PauseConditions?.Count ?? 0) > 0 && (after.PauseConditions?.Count ?? 0) == 0 && after.Abort != true)
        {
            events.Add(new RolloutEvent(false, "RolloutResumed", "Rollout is resumed"));
        }

        if (before?.PromoteFull != true && after.PromoteFull == true)
        {
            events.Add(new RolloutEvent(false, "RolloutPromotedFull", "Rollout is promoted fully: remaining steps are skipped"));
        }

        if (after.StableRS is { } stable && before?.StableRS != stable)
        {
            events.Add(new RolloutEvent(false, "RolloutCompleted", $"Rollout completed update to revision {stable}: the new ReplicaSet is stable"));
        }

        var oldAnalysis = before?.Canary?.CurrentStepAnalysisRunStatus;
        var newAnalysis = after.Canary?.CurrentStepAnalysisRunStatus;
        if (newAnalysis is not null && (oldAnalysis?.Name != newAnalysis.Name || oldAnalysis.Status != newAnalysis.Status))
        {
            var failed = newAnalysis.Status is "Failed" or "Error";
            events.Add(new RolloutEvent(failed, "AnalysisRun" + newAnalysis.Status, $"Step AnalysisRun {newAnalysis.Name} is {newAnalysis.Status}{(string.IsNullOrEmpty(newAnalysis.Message) ? "" : ": " + newAnalysis.Message)}"));
        }

        AddPromotionRunEvent(events, "PrePromotion", before?.BlueGreen?.PrePromotionAnalysisRunStatus, after.BlueGreen?.PrePromotionAnalysisRunStatus);
        AddPromotionRunEvent(events, "PostPromotion", before?.BlueGreen?.PostPromotionAnalysisRunStatus, after.BlueGreen?.PostPromotionAnalysisRunStatus);
        return events;
    }

    /// <summary>As Argo's emitAnalysisRunStatusChanges for the blue-green runs: one event per new phase of the current run.</summary>
    private static void AddPromotionRunEvent(List<RolloutEvent> events, string type, RolloutAnalysisRunStatus? before, RolloutAnalysisRunStatus? after)
    {
        if (after is null || (before?.Name == after.Name && before.Status == after.Status))
        {
            return;
        }

        var failed = after.Status is "Failed" or "Error";
        var previous = before?.Name == after.Name ? before.Status : "NoPreviousStatus";
        events.Add(new RolloutEvent(failed, "AnalysisRun" + after.Status, $"{type} Analysis Run '{after.Name}' Status New: '{after.Status}' Previous: '{previous}'"));
    }
}
