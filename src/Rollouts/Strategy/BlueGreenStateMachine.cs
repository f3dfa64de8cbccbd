using Tollgate.Rollouts.Analysis;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Status;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// The blue-green strategy as a pure function, in the order of Argo's rolloutBlueGreen: the preview Service follows
/// the new ReplicaSet at once; the active Service moves to it once it is saturated and the pause (manual or
/// autoPromotionSeconds) and the pre-promotion analysis are done; it becomes stable once the post-promotion analysis
/// succeeds; the previous ReplicaSet keeps its pods until its scale-down deadline. Decisions read the stored status and
/// the observed Service selectors, as Argo reads its listers; pause and abort changes are collected and applied once.
/// </summary>
public static class BlueGreenStateMachine
{
    public const string PauseReason = "BlueGreenPause";

    public const string PrePromotionRolloutType = "PrePromotion";

    public const string PostPromotionRolloutType = "PostPromotion";

    public static RolloutDecision Decide(RolloutObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var state = new DecisionState(observation);
        if (ResolveSpec(state))
        {
            var blueGreen = new BlueGreenState(state);
            ResolveRevision(blueGreen);
            CanaryStateMachine.EnsureNewReplicaSet(state);
            blueGreen.Settling |= state.Intents.OfType<CreateReplicaSet>().Any();
            PointPreviewService(blueGreen);
            if (!blueGreen.Settling)
            {
                Retry(blueGreen);
                CanaryStateMachine.RestartPods(state);
                ScaleReplicaSets(blueGreen);
                ReconcilePause(blueGreen);
                PointActiveService(blueGreen);
                ReconcileAnalysisRuns(blueGreen);
                CanaryStateMachine.SyncEphemeralMetadata(state);
                CanaryStateMachine.CleanUpReplicaSets(state);
            }

            SyncStatus(blueGreen);
            state.Collector.ApplyTo(state.Status);
        }

        RolloutStatusCalculator.Complete(state);
        return new RolloutDecision(state.Status, state.Intents, state.RequeueAfter, state.AbortDetail ?? state.Collector.AbortMessage, state.Steps);
    }

    private static bool ResolveSpec(DecisionState state)
    {
        var missing = MissingService(state);
        if (missing is not null)
        {
            // Tollgate does not watch Services: look again, so that creating the Service is noticed.
            state.RequeueWithin(CanaryStateMachine.ConvergencePoll);
        }

        var problem = state.Observation.InvalidSpec ?? missing;
        if (problem is null)
        {
            try
            {
                state.Limits = new ScalingLimits(0, MaxUnavailable(state));
            }
            catch (FormatException exception)
            {
                problem = exception.Message;
            }
        }

        if (problem is not null)
        {
            state.InvalidSpec = true;
            state.AbortDetail = problem;
            return false;
        }

        return true;
    }

    private static string? MissingService(DecisionState state)
    {
        var strategy = state.BlueGreen;
        var problems = state.Observation.EdgeProblems;
        return strategy.ActiveService is { Length: > 0 } active && problems.ContainsKey(RolloutObservation.ServiceKey(active)) ? $"activeService \"{active}\" not found"
            : strategy.PreviewService is { Length: > 0 } preview && problems.ContainsKey(RolloutObservation.ServiceKey(preview)) ? $"previewService \"{preview}\" not found"
            : null;
    }

    /// <summary>
    /// Argo's MaxUnavailable for blue-green (only pod restarts use it): a count, or a percentage rounded down, at most
    /// spec.replicas; unset it is 0, because Argo's default "25" is not a percentage to its parser (a quirk kept).
    /// </summary>
    private static int MaxUnavailable(DecisionState state)
    {
        var replicas = state.SpecReplicas;
        if (state.BlueGreen.MaxUnavailable is not { } value || replicas == 0)
        {
            return 0;
        }

        var limit = value.IsString ? IntOrPercent.Parse(value.StringValue!) : IntOrPercent.FromInt(value.IntValue);
        return Math.Min(limit.Resolve(replicas, roundUp: false), replicas);
    }

    /// <summary>Argo's resetRolloutStatus on a new pod template.</summary>
    private static void ResolveRevision(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        var status = state.Status;
        if (status.StableRS == state.PodHash)
        {
            // calculateBaseStatus: a promote --full ends once the current template is stable.
            status.PromoteFull = null;
        }

        if (state.Stored.CurrentPodHash == state.PodHash)
        {
            return;
        }

        status.CurrentPodHash = state.PodHash;
        state.Collector.ClearPauses();
        state.Collector.RemoveAbort();
        status.PromoteFull = null;
        blueGreen.PreRun = null;
        blueGreen.PostRun = null;
        blueGreen.Settling = true;
    }

    /// <summary>spec.paused, or an inconclusive analysis waiting for a promote.</summary>
    private static bool HaltProgress(DecisionState state) =>
        state.Rollout.Spec.Paused == true || state.Collector.HasStoredPause(RolloutConditionTypes.PauseReasonInconclusive);

    private static void PointPreviewService(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        if (blueGreen.Strategy.PreviewService is not { Length: > 0 } preview || HaltProgress(state))
        {
            return;
        }

        if (blueGreen.PreviewSelector != state.PodHash)
        {
            state.Add(new PointService(preview, state.PodHash));
            blueGreen.PreviewSelector = state.PodHash;
        }
    }

    /// <summary>kubectl argo rollouts retry: the aborted attempt's promotion runs go, so that they measure afresh.</summary>
    private static void Retry(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        if (state.Stored.Abort == true || state.Stored.AbortedAt is null)
        {
            if (state.Aborted)
            {
                state.AbortDetail ??= state.Stored.Conditions?.FirstOrDefault(c => c.Type == RolloutConditionTypes.Progressing && c.Reason == RolloutConditionTypes.ReasonRolloutAborted)?.Message
                    ?? $"Rollout aborted update to revision {state.PodHash}";
            }

            return;
        }

        foreach (var run in state.Observation.AnalysisRuns.Where(r => r.PodHash == state.PodHash && r.RolloutType is PrePromotionRolloutType or PostPromotionRolloutType))
        {
            state.Add(new DeleteAnalysisRun(run.Name));
        }

        blueGreen.PreRun = null;
        blueGreen.PostRun = null;
        blueGreen.RunsReset = true;
        state.Retried = true;
        state.RequeueWithin(TimeSpan.Zero);
    }

    /// <summary>Argo's isRollback + isFastRollback: back to the stable template, within rollbackWindow, or to a ReplicaSet still within its scale-down delay.</summary>
    private static bool IsFastRollback(DecisionState state)
    {
        var newReplicaSet = state.NewReplicaSet;
        var stable = state.Stored.StableRS is { Length: > 0 } hash ? state.Observation.ReplicaSets.FirstOrDefault(rs => rs.PodHash == hash) : null;
        if (newReplicaSet is null || stable is null)
        {
            return false;
        }

        var toStable = state.Stored.StableRS == state.PodHash;
        var toOlder = newReplicaSet.Created is { } created && stable.Created is { } stableCreated && created < stableCreated;
        if (!toStable && !toOlder)
        {
            return false;
        }

        var withinDelay = ScaleDownDeadline.Remaining(newReplicaSet.ScaleDownDeadline, state.Now) is not null;
        return toStable || withinDelay || RollbackWindow.IsWithin(state.Rollout.Spec.RollbackWindow, newReplicaSet, stable, state.Observation.ReplicaSets);
    }

    private static bool IsFastTracked(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        return IsFastRollback(state) || state.Stored.PromoteFull == true
            || string.IsNullOrEmpty(blueGreen.ActiveSelector) || blueGreen.ActiveSelector == state.PodHash;
    }

    /// <summary>Argo's shouldDelayScaleDownOnAbort for blue-green: aborted with a stable ReplicaSet and abortScaleDownDelaySeconds not 0.</summary>
    private static TimeSpan? AbortScaleDownDelay(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        if (!state.Aborted || state.StableReplicaSet is null)
        {
            return null;
        }

        return blueGreen.Strategy.AbortScaleDownDelaySeconds switch
        {
            null => ScaleDownDeadline.DefaultDelay,
            0 => null,
            { } seconds => TimeSpan.FromSeconds(seconds),
        };
    }

    /// <summary>Argo's reconcileBlueGreenReplicaSets: deadlines off the new and stable ReplicaSets, stable at spec.replicas, new at its desired count, old ones down after their delay.</summary>
    private static void ScaleReplicaSets(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        var newReplicaSet = state.NewReplicaSet!;
        var stable = state.StableReplicaSet;
        var abortDelay = AbortScaleDownDelay(blueGreen);
        if (abortDelay is null && ScaleDownDeadline.IsSet(newReplicaSet.ScaleDownDeadline))
        {
            state.Add(new SetScaleDownDeadline(newReplicaSet.Name, null));
        }

        if (stable is not null && (abortDelay is not null || stable.Name != newReplicaSet.Name) && ScaleDownDeadline.IsSet(stable.ScaleDownDeadline))
        {
            state.Add(new SetScaleDownDeadline(stable.Name, null));
        }

        if (stable is not null)
        {
            state.Scale(stable, state.SpecReplicas);
        }

        ScaleNewReplicaSet(blueGreen, abortDelay);
        ScaleDownOldReplicaSets(blueGreen);
    }

    private static void ScaleNewReplicaSet(BlueGreenState blueGreen, TimeSpan? abortDelay)
    {
        var state = blueGreen.State;
        var newReplicaSet = state.NewReplicaSet!;
        var desired = BlueGreenReplicas.Desired(state.Rollout, newReplicaSet, state.Observation.ReplicaSets);
        if (abortDelay is { } delay)
        {
            if (ScaleDownDeadline.IsSet(newReplicaSet.ScaleDownDeadline))
            {
                if (ScaleDownDeadline.TryParse(newReplicaSet.ScaleDownDeadline, out var deadline))
                {
                    if (deadline > state.Now)
                    {
                        state.RequeueWithin(deadline - state.Now);
                        return;
                    }

                    desired = 0;
                }
            }
            else
            {
                // Only once the stable pods can take all the traffic: the deadline scales the preview to zero unconditionally.
                if (state.StableReplicaSet!.AvailableReplicas >= state.SpecReplicas)
                {
                    state.Add(new SetScaleDownDeadline(newReplicaSet.Name, ScaleDownDeadline.Format(state.Now + delay)));
                    state.RequeueWithin(delay);
                }
                else
                {
                    state.RequeueWithin(CanaryStateMachine.ConvergencePoll);
                }

                return;
            }
        }

        state.Scale(newReplicaSet, desired);
    }

    /// <summary>Argo's scaleDownOldReplicaSetsForBlueGreen.</summary>
    private static void ScaleDownOldReplicaSets(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        var others = state.OldReplicaSets.Where(rs => rs.SpecReplicas > 0).ToList();
        if (others.Count == 0 || state.Collector.HasStoredPause(RolloutConditionTypes.PauseReasonInconclusive))
        {
            return;
        }

        var strategy = blueGreen.Strategy;
        if (strategy.PostPromotionAnalysis is not null && strategy.ScaleDownDelaySeconds is null && !SkipPostPromotionAnalysis(blueGreen)
            && blueGreen.PostRun?.Status != nameof(AnalysisPhase.Successful))
        {
            // Without a delay the previous ReplicaSet is the way back while the post-promotion analysis measures.
            return;
        }

        var referenced = ReferencedHashes(blueGreen);
        var candidates = others.Where(rs => !referenced.Contains(rs.PodHash))
            .OrderByDescending(rs => rs.Revision ?? 0).ThenByDescending(rs => rs.Created ?? DateTimeOffset.MinValue);
        var delay = TimeSpan.FromSeconds(strategy.ScaleDownDelaySeconds ?? (int)ScaleDownDeadline.DefaultDelay.TotalSeconds);
        var plan = ScaleDownDeadline.Plan(candidates, state.SpecReplicas, delay, strategy.ScaleDownDelayRevisionLimit ?? int.MaxValue, state.Now);
        foreach (var step in plan)
        {
            var replicaSet = others.First(rs => rs.Name == step.Name);
            if (step.NewDeadline is { } deadline)
            {
                state.Add(new SetScaleDownDeadline(step.Name, deadline));
            }

            state.Scale(replicaSet, step.Replicas);
            if (step.Remaining is { } remaining)
            {
                state.RequeueWithin(remaining);
            }
        }
    }

    /// <summary>Argo's isReplicaSetReferenced: hashes the stored status or the Services still point at.</summary>
    private static HashSet<string> ReferencedHashes(BlueGreenState blueGreen)
    {
        var stored = blueGreen.State.Stored;
        string?[] hashes =
        [
            stored.StableRS, stored.CurrentPodHash, blueGreen.Stored.ActiveSelector, blueGreen.Stored.PreviewSelector,
            stored.Canary?.Weights?.Canary.PodTemplateHash, stored.Canary?.Weights?.Stable.PodTemplateHash,
            blueGreen.ActiveSelector, blueGreen.PreviewSelector,
        ];
        return hashes.Where(h => !string.IsNullOrEmpty(h)).Select(h => h!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The controller manages the pause: autoPromotionEnabled is false or autoPromotionSeconds is set.</summary>
    private static bool NeedsControllerPause(BlueGreenStrategy strategy) =>
        strategy.AutoPromotionEnabled == false || strategy.AutoPromotionSeconds is > 0;

    private static bool CompletedPrePromotionAnalysis(BlueGreenState blueGreen) =>
        blueGreen.Strategy.PrePromotionAnalysis is null || blueGreen.PreRun?.Status == nameof(AnalysisPhase.Successful);

    /// <summary>Argo's CompletedBlueGreenPause: resumed by a human, or autoPromotionSeconds have passed.</summary>
    private static bool CompletedPause(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        var condition = state.Collector.StoredPause(PauseReason);
        if (state.Collector.HasAddedPause)
        {
            return false;
        }

        if (blueGreen.Stored.ScaleUpPreviewCheckPoint == true)
        {
            return true;
        }

        if (blueGreen.Strategy.AutoPromotionEnabled != false)
        {
            var seconds = blueGreen.Strategy.AutoPromotionSeconds ?? 0;
            return seconds == 0 || (condition?.StartTime is { } start && state.Now > start.AddSeconds(seconds));
        }

        return state.Stored.ControllerPause == true && condition is null;
    }

    /// <summary>Argo's reconcileBlueGreenPause.</summary>
    private static void ReconcilePause(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        if (state.Stored.Abort == true || !BlueGreenReplicas.ReadyForPause(state.Rollout, state.NewReplicaSet!, state.Observation.ReplicaSets) || HaltProgress(state))
        {
            return;
        }

        if (IsFastTracked(blueGreen) || blueGreen.Stored.ScaleUpPreviewCheckPoint == true || !NeedsControllerPause(blueGreen.Strategy))
        {
            state.Collector.RemovePause(PauseReason);
            return;
        }

        if (!CompletedPrePromotionAnalysis(blueGreen))
        {
            return;
        }

        var condition = state.Collector.StoredPause(PauseReason);
        if (condition is null)
        {
            if (state.Stored.ControllerPause != true)
            {
                state.Collector.AddPause(PauseReason);
                if (blueGreen.Strategy.AutoPromotionSeconds is > 0 and var seconds && blueGreen.Strategy.AutoPromotionEnabled != false)
                {
                    state.RequeueWithin(TimeSpan.FromSeconds(seconds));
                }
            }

            return;
        }

        if (CompletedPause(blueGreen))
        {
            state.Collector.RemovePause(PauseReason);
        }
        else if (blueGreen.Strategy.AutoPromotionSeconds is > 0 and var seconds && condition.StartTime is { } start)
        {
            state.RequeueWithin(start.AddSeconds(seconds) - state.Now);
        }
    }

    /// <summary>Argo's reconcileActiveService: the switch, and the switch back on abort.</summary>
    private static void PointActiveService(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        var newReplicaSet = state.NewReplicaSet!;
        if (HaltProgress(state) || !BlueGreenReplicas.ReadyForPause(state.Rollout, newReplicaSet, state.Observation.ReplicaSets)
            || !BlueGreenReplicas.IsSaturated(state.Rollout, newReplicaSet))
        {
            return;
        }

        var target = blueGreen.ActiveSelector;
        if (IsFastTracked(blueGreen) || (CompletedPause(blueGreen) && CompletedPrePromotionAnalysis(blueGreen)))
        {
            target = state.PodHash;
        }

        if (state.Stored.Abort == true)
        {
            target = state.Stored.StableRS;
        }

        if (!string.IsNullOrEmpty(target) && target != blueGreen.ActiveSelector)
        {
            state.Add(new PointService(blueGreen.Strategy.ActiveService!, target));
            blueGreen.ActiveSelector = target;
        }
    }

    /// <summary>Argo's reconcileAnalysisRuns for blue-green.</summary>
    private static void ReconcileAnalysisRuns(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        var stored = state.Stored;
        var storedFullyPromoted = !string.IsNullOrEmpty(stored.StableRS) && stored.StableRS == stored.CurrentPodHash;
        var cancel = storedFullyPromoted || state.Aborted || stored.PromoteFull == true || IsFastRollback(state) || string.IsNullOrEmpty(stored.StableRS);
        if (cancel)
        {
            // Blue-green keeps its last runs in the status once they are cancelled.
            Terminate(state, blueGreen.PreRun);
            Terminate(state, blueGreen.PostRun);
            blueGreen.PreRun = Refresh(state, blueGreen.PreRun);
            blueGreen.PostRun = Refresh(state, blueGreen.PostRun);
        }
        else if (!blueGreen.RunsReset)
        {
            blueGreen.PreRun = ReconcilePromotionRun(blueGreen, post: false);
            SetPauseOrAbort(blueGreen, blueGreen.PreRun, post: false);
            blueGreen.PostRun = ReconcilePromotionRun(blueGreen, post: true);
            SetPauseOrAbort(blueGreen, blueGreen.PostRun, post: true);
        }

        CleanUpOtherRuns(blueGreen);
    }

    private static RolloutAnalysisRunStatus? ReconcilePromotionRun(BlueGreenState blueGreen, bool post)
    {
        var state = blueGreen.State;
        var analysis = post ? blueGreen.Strategy.PostPromotionAnalysis : blueGreen.Strategy.PrePromotionAnalysis;
        var name = post ? ForPostPromotion(state) : ForPrePromotion(state);
        var current = Refresh(state, (post ? blueGreen.PostRun : blueGreen.PreRun) ?? Unrecorded(state, name));
        if (analysis?.Templates is not { Count: > 0 })
        {
            Terminate(state, current);
            return null;
        }

        if (post ? SkipPostPromotionAnalysis(blueGreen, current) : SkipPrePromotionAnalysis(blueGreen, current))
        {
            Terminate(state, current);
            return current;
        }

        if (state.Collector.HasStoredPause(RolloutConditionTypes.PauseReasonInconclusive) || !NeedsNewRun(state, current))
        {
            if (current is not null && state.Observation.AnalysisRuns.All(r => r.Name != current.Name) && current.Status == nameof(AnalysisPhase.Pending))
            {
                // Created by the last decision and not in the cache yet (or lost): creating it again is harmless.
                state.Add(new CreatePromotionAnalysisRun(current.Name, state.PodHash, post));
                state.RequeueWithin(CanaryStateMachine.ConvergencePoll);
            }

            return current;
        }

        if (state.Observation.AnalysisRuns.Any(r => r.Name == name))
        {
            // A run of this name from an earlier attempt (Argo's names carry the revision, Tollgate's the hash): it goes first.
            state.Add(new DeleteAnalysisRun(name));
            state.RequeueWithin(CanaryStateMachine.ConvergencePoll);
            return null;
        }

        state.Add(new CreatePromotionAnalysisRun(name, state.PodHash, post));
        state.RequeueWithin(CanaryStateMachine.ConvergencePoll);
        return new RolloutAnalysisRunStatus { Name = name, Status = nameof(AnalysisPhase.Pending) };
    }

    /// <summary>Argo's needsNewAnalysisRun.</summary>
    private static bool NeedsNewRun(DecisionState state, RolloutAnalysisRunStatus? current)
    {
        if (current is null)
        {
            return true;
        }

        if (state.Stored.ControllerPause == true && !state.Collector.HasStoredPause(RolloutConditionTypes.PauseReasonCanaryStep) && !state.Collector.HasStoredPause(PauseReason))
        {
            // Promoted past an inconclusive run: it measures again.
            return current.Status == nameof(AnalysisPhase.Inconclusive);
        }

        return state.Stored.AbortedAt is not null;
    }

    /// <summary>Argo's skipPrePromotionAnalysisRun.</summary>
    private static bool SkipPrePromotionAnalysis(BlueGreenState blueGreen, RolloutAnalysisRunStatus? current)
    {
        var state = blueGreen.State;
        var active = blueGreen.Stored.ActiveSelector;
        if (state.Stored.StableRS == state.PodHash || string.IsNullOrEmpty(active) || active == state.PodHash)
        {
            return true;
        }

        if (current is not null)
        {
            return false;
        }

        var newReplicaSet = state.NewReplicaSet!;
        return blueGreen.Strategy.PreviewReplicaCount is { } preview
            ? newReplicaSet.SpecReplicas != preview || newReplicaSet.AvailableReplicas != preview
            : !BlueGreenReplicas.IsSaturated(state.Rollout, newReplicaSet);
    }

    /// <summary>Argo's skipPostPromotionAnalysisRun.</summary>
    private static bool SkipPostPromotionAnalysis(BlueGreenState blueGreen, RolloutAnalysisRunStatus? current = null)
    {
        var state = blueGreen.State;
        current ??= blueGreen.PostRun;
        if (state.Stored.StableRS == state.PodHash || blueGreen.Stored.ActiveSelector != state.PodHash)
        {
            return true;
        }

        return current is null && !BlueGreenReplicas.IsSaturated(state.Rollout, state.NewReplicaSet!);
    }

    private static void SetPauseOrAbort(BlueGreenState blueGreen, RolloutAnalysisRunStatus? run, bool post)
    {
        var state = blueGreen.State;
        switch (run?.Status)
        {
            case nameof(AnalysisPhase.Inconclusive):
                state.Collector.AddPause(RolloutConditionTypes.PauseReasonInconclusive);
                break;
            case nameof(AnalysisPhase.Failed):
            case nameof(AnalysisPhase.Error):
                var message = $"Blue/green {(post ? "post" : "pre")}-promotion analysis phase error/failed{(string.IsNullOrEmpty(run.Message) ? "" : ": " + run.Message)}";
                var detail = $"Rollout aborted update to revision {state.PodHash}: {message}";
                state.Collector.AddAbort(detail);
                state.AbortDetail = detail;
                break;
            case null:
                break;
            default:
                if (run.Status != nameof(AnalysisPhase.Successful))
                {
                    state.RequeueWithin(CanaryStateMachine.ConvergencePoll);
                }

                break;
        }
    }

    /// <summary>The run's phase and message as observed now; as recorded when it is not in the cache.</summary>
    /// <summary>
    /// A run of this revision's name that is still measuring while status names none: the last reconcile created it and
    /// its status write is not in the cache yet (or lost to a conflict). It is the current run, as a canary's runs are
    /// found by name; deleting it as "an earlier attempt" measured the same step twice. Runs of earlier attempts are
    /// terminated when the rollout leaves their revision, so they never look like this.
    /// </summary>
    private static RolloutAnalysisRunStatus? Unrecorded(DecisionState state, string name) =>
        state.Observation.AnalysisRuns.FirstOrDefault(r => r.Name == name) is { IsCompleted: false, TerminateRequested: false } run
            ? new RolloutAnalysisRunStatus { Name = run.Name, Status = nameof(AnalysisPhase.Pending) }
            : null;

    private static RolloutAnalysisRunStatus? Refresh(DecisionState state, RolloutAnalysisRunStatus? recorded)
    {
        if (recorded is null)
        {
            return null;
        }

        var run = state.Observation.AnalysisRuns.FirstOrDefault(r => r.Name == recorded.Name);
        return run is null
            ? recorded
            : new RolloutAnalysisRunStatus { Name = run.Name, Status = run.Phase is { Length: > 0 } phase ? phase : nameof(AnalysisPhase.Pending), Message = run.Message };
    }

    private static void Terminate(DecisionState state, RolloutAnalysisRunStatus? current)
    {
        var run = current is null ? null : state.Observation.AnalysisRuns.FirstOrDefault(r => r.Name == current.Name);
        if (run is { IsCompleted: false, TerminateRequested: false })
        {
            state.Add(new TerminateAnalysisRun(run.Name));
        }
    }

    /// <summary>Runs that are not current are terminated; completed ones beyond the history limits are deleted.</summary>
    private static void CleanUpOtherRuns(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        var current = new[] { blueGreen.PreRun?.Name, blueGreen.PostRun?.Name };
        var deleting = state.Intents.OfType<DeleteAnalysisRun>().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var others = state.Observation.AnalysisRuns.Where(r => !current.Contains(r.Name) && !deleting.Contains(r.Name)).ToList();
        foreach (var run in others.Where(r => r is { IsCompleted: false, TerminateRequested: false }))
        {
            state.Add(new TerminateAnalysisRun(run.Name));
        }

        var limits = CanaryStateMachine.AnalysisHistoryLimits(state.Rollout.Spec.Analysis);
        foreach (var name in AnalysisRunHistory.ToDelete(others, limits.Successful, limits.Unsuccessful))
        {
            state.Add(new DeleteAnalysisRun(name));
        }
    }

    /// <summary>Argo's syncRolloutStatusBlueGreen: selectors, promotion to stable, the scale-up checkpoint.</summary>
    private static void SyncStatus(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        var status = state.Status;
        if (state.Stored.PromoteFull == true || IsRollbackWithinWindow(state))
        {
            state.Collector.ClearPauses();
            state.Collector.RemoveAbort();
        }

        var blueGreenStatus = new BlueGreenStatus
        {
            ActiveSelector = NullIfEmpty(blueGreen.ActiveSelector),
            PreviewSelector = NullIfEmpty(blueGreen.PreviewSelector),
            PrePromotionAnalysisRunStatus = blueGreen.PreRun,
            PostPromotionAnalysisRunStatus = blueGreen.PostRun,
            AdditionalProperties = state.Stored.BlueGreen?.AdditionalProperties,
        };
        status.BlueGreen = blueGreenStatus;
        if (ShouldFullPromote(blueGreen))
        {
            state.Collector.ClearPauses();
            state.Collector.RemoveAbort();
            status.PromoteFull = null;
            status.StableRS = state.PodHash;
        }
        else
        {
            blueGreenStatus.ScaleUpPreviewCheckPoint = ScaleUpPreviewCheckPoint(blueGreen) ? true : null;
        }
    }

    private static bool IsRollbackWithinWindow(DecisionState state)
    {
        var stable = state.Stored.StableRS is { Length: > 0 } hash ? state.Observation.ReplicaSets.FirstOrDefault(rs => rs.PodHash == hash) : null;
        return RollbackWindow.IsWithin(state.Rollout.Spec.RollbackWindow, state.NewReplicaSet, stable, state.Observation.ReplicaSets);
    }

    /// <summary>Argo's shouldFullPromote for blue-green (the order of the checks matters).</summary>
    private static bool ShouldFullPromote(BlueGreenState blueGreen)
    {
        var state = blueGreen.State;
        var stable = state.Stored.StableRS is { Length: > 0 } hash ? state.Observation.ReplicaSets.FirstOrDefault(rs => rs.PodHash == hash) : null;
        if (stable is null || string.IsNullOrEmpty(blueGreen.ActiveSelector))
        {
            // Initial deploy: the active Service moves only to a stable ReplicaSet's pods.
            return true;
        }

        if (blueGreen.ActiveSelector != state.PodHash)
        {
            return false;
        }

        if (state.Stored.PromoteFull == true || IsFastRollback(state))
        {
            return true;
        }

        if (state.Aborted)
        {
            return false;
        }

        return blueGreen.Strategy.PostPromotionAnalysis is null || blueGreen.PostRun?.Status == nameof(AnalysisPhase.Successful);
    }

    /// <summary>
    /// Argo's calculateScaleUpPreviewCheckPoint: with previewReplicaCount, a one-way switch set once the pause and the
    /// pre-promotion analysis are done and the preview pods are available; the new ReplicaSet then scales to spec.replicas.
    /// </summary>
    private static bool ScaleUpPreviewCheckPoint(BlueGreenState blueGreen)
    {
        if (blueGreen.Strategy.PreviewReplicaCount is not { } preview)
        {
            return false;
        }

        if (blueGreen.Stored.ScaleUpPreviewCheckPoint == true && !blueGreen.Settling)
        {
            return true;
        }

        if (blueGreen.Settling || !CompletedPrePromotionAnalysis(blueGreen) || !CompletedPause(blueGreen))
        {
            return false;
        }

        return preview == blueGreen.State.NewReplicaSet?.AvailableReplicas;
    }

    public static string ForPrePromotion(string rolloutName, string podHash) => $"{rolloutName}-{podHash}-pre";

    public static string ForPostPromotion(string rolloutName, string podHash) => $"{rolloutName}-{podHash}-post";

    private static string ForPrePromotion(DecisionState state) => ForPrePromotion(state.Rollout.Metadata.Name!, state.PodHash);

    private static string ForPostPromotion(DecisionState state) => ForPostPromotion(state.Rollout.Metadata.Name!, state.PodHash);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
