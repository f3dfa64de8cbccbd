using System.Globalization;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;

using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Status;

/// <summary>The derived part of the status: replica counts, weights, phase, message and conditions, from a finished decision.</summary>
internal static class RolloutStatusCalculator
{
    public static void Complete(DecisionState state)
    {
        var status = state.Status;
        var now = state.Now;
        var rollout = state.Rollout;
        status.ObservedGeneration = rollout.Metadata.Generation?.ToString(CultureInfo.InvariantCulture);
        status.Selector = Selector(rollout);
        var all = state.Observation.ReplicaSets;
        status.Replicas = all.Sum(rs => rs.Replicas);
        status.UpdatedReplicas = all.FirstOrDefault(rs => rs.PodHash == state.PodHash)?.Replicas ?? 0;
        status.ReadyReplicas = all.Sum(rs => rs.ReadyReplicas);
        status.AvailableReplicas = all.Sum(rs => rs.AvailableReplicas);
        status.HpaReplicas = status.Replicas;

        if (state.InvalidSpec)
        {
            var invalid = state.AbortDetail ?? "";
            RolloutConditionSetter.Set(status, RolloutConditionTypes.InvalidSpec, true, RolloutConditionTypes.ReasonInvalidSpec, invalid, now);
            status.Phase = nameof(RolloutPhase.Degraded);
            status.Message = $"InvalidSpec: {invalid}";
            state.AbortDetail = null;
            return;
        }

        RolloutConditionSetter.Remove(status, RolloutConditionTypes.InvalidSpec);
        var blueGreen = rollout.Spec.Strategy?.BlueGreen is not null;
        var activeReplicaSet = blueGreen && status.BlueGreen?.ActiveSelector is { Length: > 0 } activeHash ? all.FirstOrDefault(rs => rs.PodHash == activeHash) : null;
        if (blueGreen)
        {
            CompleteBlueGreen(status, rollout, activeReplicaSet);
        }
        else
        {
            CompleteCanary(state);
        }

        var aborted = status.Abort == true;
        var abortDetail = state.AbortDetail ?? state.Collector.AbortMessage;
        var pauseReasons = (status.PauseConditions ?? []).Select(c => c.Reason).ToList();
        var phase = RolloutPhaseCalculator.Calculate(new RolloutPhaseInput(
            state.SpecReplicas,
            status.Replicas ?? 0,
            status.UpdatedReplicas ?? 0,
            status.AvailableReplicas ?? 0,
            state.IsFullyPromoted,
            Aborted: aborted,
            SpecPaused: rollout.Spec.Paused == true,
            PauseReasons: pauseReasons,
            ControllerPause: status.ControllerPause == true,
            RestartPending: RestartPlan.IsPending(rollout.Spec, status, now))
        {
            BlueGreen = blueGreen,
            ActiveSelector = status.BlueGreen?.ActiveSelector,
            CurrentPodHash = status.CurrentPodHash,
            WaitingForPostPromotionAnalysis = blueGreen && rollout.Spec.Strategy!.BlueGreen!.PostPromotionAnalysis is not null
                && status.BlueGreen?.PostPromotionAnalysisRunStatus?.Status != "Successful",
        });
        var progressing = status.Conditions?.FirstOrDefault(c => c.Type == RolloutConditionTypes.Progressing);
        // Leaving a pause counts as progress, as in Argo: the deadline runs from the resume, not from the pause.
        var lastProgress = ProgressDeadline.Progressed(state.Stored, status) || progressing?.Reason == RolloutConditionTypes.ReasonRolloutPaused
            ? now
            : progressing?.LastUpdateTime ?? now;
        var deadlineExceeded = phase.Phase == RolloutPhase.Progressing
            && ProgressDeadline.IsExceeded(lastProgress, rollout.Spec.ProgressDeadlineSeconds, now);
        if (deadlineExceeded)
        {
            phase = new RolloutPhaseResult(RolloutPhase.Degraded, RolloutConditionTypes.ReasonProgressDeadlineExceeded);
            if (rollout.Spec.ProgressDeadlineAbort == true && !state.IsFullyPromoted)
            {
                status.Abort = true;
                status.AbortedAt = now;
                status.PauseConditions = null;
                status.ControllerPause = null;
                aborted = true;
                abortDetail = $"Rollout aborted update to revision {state.PodHash}: ReplicaSet \"{state.NewReplicaSet?.Name}\" has timed out progressing";
                state.RequeueWithin(TimeSpan.FromMilliseconds(100));
            }
        }

        state.AbortDetail = aborted ? abortDetail : null;
        status.Phase = phase.Phase.ToString();
        status.Message = aborted ? $"{RolloutConditionTypes.ReasonRolloutAborted}: {abortDetail}" : phase.Message is { Length: > 0 } text ? text : null;
        var newName = state.NewReplicaSet?.Name;
        if (aborted)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, false, RolloutConditionTypes.ReasonRolloutAborted, abortDetail ?? "", now);
        }
        else if (deadlineExceeded)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, false, RolloutConditionTypes.ReasonProgressDeadlineExceeded,
                $"ReplicaSet \"{newName}\" has timed out progressing.", now);
        }
        else if (state.Retried)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, true, RolloutConditionTypes.ReasonRolloutRetry, "Retrying Rollout after abort", now);
        }
        else if (phase.Phase == RolloutPhase.Paused)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, true, RolloutConditionTypes.ReasonRolloutPaused, "Rollout is paused", now);
        }
        else if (state.IsFullyPromoted && phase.Phase == RolloutPhase.Healthy)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, true, RolloutConditionTypes.ReasonNewReplicaSetAvailable,
                $"ReplicaSet \"{newName}\" has successfully progressed.", now);
        }
        else
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, true, RolloutConditionTypes.ReasonReplicaSetUpdated,
                $"ReplicaSet \"{newName}\" is progressing.", now);
        }

        if (lastProgress == now && !deadlineExceeded)
        {
            RolloutConditionSetter.Touch(status, RolloutConditionTypes.Progressing, now);
        }

        // Blue-green is available when the active ReplicaSet is saturated, as Argo decides it.
        var available = blueGreen
            ? BlueGreenReplicas.IsSaturated(rollout, activeReplicaSet)
            : (status.AvailableReplicas ?? 0) >= state.SpecReplicas - state.Limits.MaxUnavailable;
        RolloutConditionSetter.Set(status, RolloutConditionTypes.Available, available, RolloutConditionTypes.ReasonAvailable,
            available ? "Rollout has minimum availability" : "Rollout does not have minimum availability", now);
        var paused = phase.Phase == RolloutPhase.Paused;
        RolloutConditionSetter.Set(status, RolloutConditionTypes.Paused, paused, paused ? (pauseReasons.FirstOrDefault() ?? "RolloutPaused") : "RolloutResumed",
            paused ? "Rollout is paused" : "Rollout is resumed", now);
        RolloutConditionSetter.Set(status, RolloutConditionTypes.Completed, state.IsFullyPromoted, state.IsFullyPromoted ? RolloutConditionTypes.ReasonCompleted : "RolloutNotCompleted",
            state.IsFullyPromoted ? "Rollout completed update to revision " + state.PodHash : "Rollout not completed", now);
        var healthy = phase.Phase == RolloutPhase.Healthy;
        RolloutConditionSetter.Set(status, RolloutConditionTypes.Healthy, healthy, healthy ? RolloutConditionTypes.ReasonHealthy : "RolloutHealthyNotMet",
            healthy ? "Rollout is healthy" : "Rollout is not healthy", now);

        var converged = all.All(rs => rs.SpecReplicas == rs.Replicas && rs.AvailableReplicas >= rs.SpecReplicas);
        if (!converged || phase.Phase == RolloutPhase.Progressing)
        {
            state.RequeueWithin(CanaryStateMachine.ConvergencePoll);
        }
    }

    private static void CompleteCanary(DecisionState state)
    {
        var status = state.Status;
        status.BlueGreen = null;
        var weight = state.IsFullyPromoted ? 0 : CanaryStateMachine.DesiredWeight(state);
        var canary = state.Canary;
        var canaryStatus = status.Canary ??= new CanaryStatus();
        canaryStatus.Weights = state.Routed ? state.RoutedWeights ?? state.Stored.Canary?.Weights : new TrafficWeights
        {
            Canary = new WeightDestination { Weight = weight, PodTemplateHash = state.PodHash, ServiceName = canary.CanaryService },
            Stable = new WeightDestination { Weight = 100 - weight, PodTemplateHash = status.StableRS ?? state.PodHash, ServiceName = canary.StableService },
        };
        if (state.IsFullyPromoted && canaryStatus.CurrentStepAnalysisRunStatus is { Status: "Successful" })
        {
            canaryStatus.CurrentStepAnalysisRunStatus = null;
        }
    }

    /// <summary>As Argo's syncRolloutStatusBlueGreen: the scale subresource and availability count the active ReplicaSet only.</summary>
    private static void CompleteBlueGreen(RolloutStatus status, Rollout rollout, ObservedReplicaSet? active)
    {
        // A Rollout switched from canary keeps nothing of it, as Argo rebuilds the status.
        status.Canary = null;
        status.CurrentStepIndex = null;
        status.CurrentStepHash = null;
        if (active is null)
        {
            return;
        }

        status.HpaReplicas = active.Replicas;
        status.AvailableReplicas = active.AvailableReplicas;
        status.ReadyReplicas = active.ReadyReplicas;
        status.Selector = string.Join(",", PodSelector(rollout).Append(new KeyValuePair<string, string>(RolloutLabels.PodTemplateHash, active.PodHash))
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>spec.selector.matchLabels (or the rollout-name label Tollgate puts on pods when there is none), serialized.</summary>
    public static string Selector(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return string.Join(",", PodSelector(rollout).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }

    public static IReadOnlyDictionary<string, string> PodSelector(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return rollout.Spec.Selector?.MatchLabels is { Count: > 0 } labels
            ? new Dictionary<string, string>(labels, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { [RolloutLabels.RolloutName] = rollout.Metadata.Name ?? "" };
    }
}
