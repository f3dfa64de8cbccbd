using System.Text.Json;
using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Analysis;
using Tollgate.Rollouts.Canary;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// The canary strategy as a pure function: spec, stored status and what the caches show in, the new status and the
/// writes to make out. A decision is an ordered chain of small steps over one <see cref="DecisionState"/>; pause and
/// abort changes are collected and applied once at the end, as Argo's pauseContext does.
/// </summary>
public static class CanaryStateMachine
{
    /// <summary>
    /// A safety net only: changes of the Rollout's ReplicaSets and AnalysisRuns reconcile it at once (the controller
    /// owns them), so a rollout waiting on pods or an analysis looks again this late only if such an event was missed.
    /// </summary>
    public static readonly TimeSpan ConvergencePoll = TimeSpan.FromSeconds(5);

    public static RolloutDecision Decide(RolloutObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var state = new DecisionState(observation);
        Action<DecisionState>[] chain =
        [
            ResolveRevision,
            EnsureNewReplicaSet,
            AbortAndRetry,
            PromoteFull,
            RestartPods,
            BackgroundAnalysis,
            ProgressSteps,
            Complete,
            SyncEphemeralMetadata,
            RouteTraffic,
            ScaleReplicaSets,
            PointServices,
            CleanUpAnalysisRuns,
            CleanUpReplicaSets,
        ];
        if (ResolveSpec(state))
        {
            foreach (var step in chain)
            {
                step(state);
            }

            state.Collector.ApplyTo(state.Status);
        }

        RolloutStatusCalculator.Complete(state);
        return new RolloutDecision(state.Status, state.Intents, state.RequeueAfter, state.AbortDetail ?? state.Collector.AbortMessage, state.Steps);
    }

    private static bool ResolveSpec(DecisionState state)
    {
        var spec = state.Rollout.Spec;
        var problem = state.Observation.InvalidSpec ?? MissingService(state)
            ?? (state.Observation.EdgeProblems.TryGetValue(RolloutObservation.TrafficRoutingKey, out var routing) ? $"spec.strategy.canary.trafficRouting: {routing}" : null);
        if (problem is null)
        {
            try
            {
                state.Steps = CanaryStepConverter.Convert(spec.Strategy?.Canary?.Steps);
                state.Limits = ScalingLimits.Resolve(state.SpecReplicas, Limit(spec.Strategy?.Canary?.MaxSurge), Limit(spec.Strategy?.Canary?.MaxUnavailable));
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
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
        var canary = state.Rollout.Spec.Strategy?.Canary;
        var problems = state.Observation.EdgeProblems;
        return canary?.StableService is { Length: > 0 } stable && problems.ContainsKey(RolloutObservation.ServiceKey(stable)) ? $"stableService \"{stable}\" not found"
            : canary?.CanaryService is { Length: > 0 } canaryService && problems.ContainsKey(RolloutObservation.ServiceKey(canaryService)) ? $"canaryService \"{canaryService}\" not found"
            : null;
    }

    private static IntOrPercent? Limit(IntOrString? value) =>
        value is not { } present ? null : present.IsString ? IntOrPercent.Parse(present.StringValue!) : IntOrPercent.FromInt(present.IntValue);

    /// <summary>A new template or new steps restart the steps; going back to the stable template skips them.</summary>
    private static void ResolveRevision(DecisionState state)
    {
        var status = state.Status;
        var templateChanged = state.Stored.CurrentPodHash != state.PodHash;
        var stepsChanged = state.Stored.CurrentStepHash != state.Observation.StepHash;
        if (!templateChanged && !stepsChanged)
        {
            return;
        }

        status.CurrentPodHash = state.PodHash;
        status.CurrentStepHash = state.Observation.StepHash;
        state.Collector.ClearPauses();
        state.Collector.RemoveAbort();
        status.PromoteFull = null;
        if (status.Canary is not null)
        {
            status.Canary.CurrentStepAnalysisRunStatus = null;
            status.Canary.CurrentBackgroundAnalysisRunStatus = null;
        }

        var backToStable = status.StableRS is null || status.StableRS == state.PodHash;
        var withinWindow = templateChanged && IsRollbackWithinWindow(state) && state.NewReplicaSet!.SpecReplicas > 0;
        state.StepIndex = backToStable || withinWindow || (!templateChanged && state.IsFullyPromoted) ? state.Steps.Count : 0;
    }

    private static bool IsRollbackWithinWindow(DecisionState state) =>
        RollbackWindow.IsWithin(state.Rollout.Spec.RollbackWindow, state.NewReplicaSet, state.StableReplicaSet, state.Observation.ReplicaSets);

    internal static void EnsureNewReplicaSet(DecisionState state)
    {
        var others = state.Observation.ReplicaSets.Where(rs => rs.PodHash != state.PodHash).ToList();
        var revision = RevisionHistory.Next(others);
        if (state.NewReplicaSet is null)
        {
            var firstDeploy = state.Status.StableRS is null;
            var replicas = firstDeploy ? state.SpecReplicas : 0;
            var metadata = DesiredPodMetadata(state, state.PodHash);
            state.Add(new CreateReplicaSet(state.PodHash, replicas, revision, metadata));
            state.NewReplicaSet = new ObservedReplicaSet($"{state.Rollout.Metadata.Name}-{state.PodHash}", state.PodHash, replicas, Revision: revision, Created: state.Now, InjectedMetadata: metadata);
            state.Halted = true;
            state.RequeueWithin(ConvergencePoll);
        }
        else if ((state.NewReplicaSet.Revision ?? 0) < revision - 1 || state.NewReplicaSet.Revision is null)
        {
            state.Add(new SetReplicaSetRevision(state.NewReplicaSet.Name, revision));
            state.NewReplicaSet = state.NewReplicaSet with { Revision = revision };
        }

        var current = state.NewReplicaSet.Revision ?? revision;
        if (RolloutRevision(state.Rollout) != current)
        {
            state.Add(new SetRolloutRevision(current));
        }
    }

    private static long? RolloutRevision(Rollout rollout) =>
        rollout.Metadata.Annotations?.TryGetValue(RevisionHistory.Annotation, out var text) == true && long.TryParse(text, out var revision) ? revision : null;

    private static void AbortAndRetry(DecisionState state)
    {
        var status = state.Status;
        if (state.Aborted && state.IsFullyPromoted)
        {
            // The desired ReplicaSet is the stable one: there is nothing left to abort.
            state.Collector.RemoveAbort();
        }

        if (state.Aborted)
        {
            state.StepIndex = state.IsFullyPromoted ? state.Steps.Count : 0;
            state.AbortDetail ??= state.Stored.Conditions?.FirstOrDefault(c => c.Type == RolloutConditionTypes.Progressing && c.Reason == RolloutConditionTypes.ReasonRolloutAborted)?.Message
                ?? $"Rollout aborted update to revision {state.PodHash}";
            status.PromoteFull = null;
            return;
        }

        if (state.Stored.Abort != true && state.Stored.AbortedAt is not null && state.Stored.CurrentPodHash == state.PodHash)
        {
            // Retried: the aborted attempt's runs of this revision go, so that the steps measure afresh.
            foreach (var run in state.Observation.AnalysisRuns.Where(r => r.PodHash == state.PodHash))
            {
                state.Add(new DeleteAnalysisRun(run.Name));
            }

            state.StepIndex = state.IsFullyPromoted ? state.Steps.Count : 0;
            if (status.Canary is not null)
            {
                status.Canary.CurrentStepAnalysisRunStatus = null;
                status.Canary.CurrentBackgroundAnalysisRunStatus = null;
            }

            state.Retried = true;
            state.Halted = true;
            state.RequeueWithin(TimeSpan.Zero);
        }
    }

    /// <summary>promote --full, and a rollback within spec.rollbackWindow, skip what is left of the steps.</summary>
    private static void PromoteFull(DecisionState state)
    {
        // Argo returns early from the reconcile that sees a template change, so the window applies from the next one.
        if (state.Stored.CurrentPodHash == state.PodHash && IsRollbackWithinWindow(state))
        {
            state.Collector.RemoveAbort();
            state.StepIndex = state.Steps.Count;
            state.Collector.ClearPauses();
        }

        if (state.Status.PromoteFull == true && !state.Aborted)
        {
            state.StepIndex = state.Steps.Count;
            state.Collector.ClearPauses();
        }
    }

    /// <summary>spec.restartAt: pods older than it are deleted within maxUnavailable; nothing else scales in the same decision.</summary>
    internal static void RestartPods(DecisionState state)
    {
        var spec = state.Rollout.Spec;
        if (spec.RestartAt is { } future && future > state.Now)
        {
            state.RequeueWithin(future - state.Now);
            return;
        }

        if (!RestartPlan.IsPending(spec, state.Stored, state.Now) || state.Observation.Pods is not { } pods)
        {
            return;
        }

        var wanted = state.Observation.ReplicaSets.Sum(rs => rs.SpecReplicas);
        var (evict, done) = RestartPlan.Plan(pods, spec.RestartAt!.Value, state.SpecReplicas, wanted, state.Limits.MaxUnavailable);
        foreach (var pod in evict)
        {
            state.Add(new EvictPod(pod));
        }

        if (done)
        {
            state.Status.RestartedAt = spec.RestartAt;
        }
        else
        {
            state.RequeueWithin(ConvergencePoll);
        }

        if (evict.Count > 0)
        {
            // Availability counts no longer include the pods just deleted: scale only on the next, accurate look.
            state.Halted = true;
        }
    }

    /// <summary>spec.strategy.canary.analysis: one run per revision from startingStep on; it can abort or pause, never advance.</summary>
    private static void BackgroundAnalysis(DecisionState state)
    {
        var background = state.Canary.Analysis;
        var status = state.Status;
        if (background is null || state.Aborted || state.IsFullyPromoted || state.StepIndex < (background.StartingStep ?? 0))
        {
            if (status.Canary is not null && (background is null || state.IsFullyPromoted))
            {
                status.Canary.CurrentBackgroundAnalysisRunStatus = null;
            }

            return;
        }

        var name = AnalysisRunNames.ForBackground(state.Rollout.Metadata.Name!, state.PodHash);
        if (state.Observation.EdgeProblems.TryGetValue(name, out var problem))
        {
            Abort(state, $"background analysis: {problem}");
            return;
        }

        var run = CurrentAnalysisRun.Find(state.Observation.AnalysisRuns, name, state.Stored.Canary?.CurrentBackgroundAnalysisRunStatus?.Name, state.PodHash, null);
        var canaryStatus = status.Canary ??= new CanaryStatus();
        if (run is null)
        {
            state.Add(new CreateAnalysisRun(name, state.PodHash, null));
            canaryStatus.CurrentBackgroundAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = name, Status = nameof(AnalysisPhase.Pending) };
            state.RequeueWithin(ConvergencePoll);
            return;
        }

        var phase = run.Phase is { Length: > 0 } p ? p : nameof(AnalysisPhase.Pending);
        canaryStatus.CurrentBackgroundAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = run.Name, Status = phase, Message = run.Message };
        var inconclusivePause = state.Collector.HasStoredPause(RolloutConditionTypes.PauseReasonInconclusive);
        switch (phase)
        {
            case nameof(AnalysisPhase.Failed):
            case nameof(AnalysisPhase.Error):
                Abort(state, $"Rollout aborted update to revision {state.PodHash}: AnalysisRun {run.Name} {phase}: {run.Message}");
                break;
            case nameof(AnalysisPhase.Inconclusive) when !inconclusivePause && state.Stored.ControllerPause == true:
                // Promoted past an inconclusive background run: it measures again from the start.
                state.Add(new DeleteAnalysisRun(run.Name));
                canaryStatus.CurrentBackgroundAnalysisRunStatus = null;
                break;
            case nameof(AnalysisPhase.Inconclusive):
                state.Collector.AddPause(RolloutConditionTypes.PauseReasonInconclusive);
                break;
            case nameof(AnalysisPhase.Successful):
                break;
            default:
                state.RequeueWithin(ConvergencePoll);
                break;
        }
    }

    /// <summary>Executes the current step; at most one step is completed per decision (the status write brings the next).</summary>
    private static void ProgressSteps(DecisionState state)
    {
        var index = state.StepIndex;
        if (state.Aborted || state.IsFullyPromoted || state.Halted || state.Rollout.Spec.Paused == true
            || index >= state.Steps.Count || state.Collector.HasAddedPause)
        {
            return;
        }

        switch (state.Steps[index])
        {
            case SetWeightStep:
            case SetCanaryScaleStep:
                if (AtDesiredCounts(state))
                {
                    state.StepIndex = index + 1;
                }
                else
                {
                    state.RequeueWithin(ConvergencePoll);
                }

                break;
            case PauseStep pause:
                ProgressPause(state, pause, index);
                break;
            case AnalysisStep:
                ProgressAnalysis(state, index);
                break;
            case SetHeaderRouteStep:
            case SetMirrorRouteStep:
                // Routed by this decision from the stored step (RouteTraffic), as Argo routes before it advances.
                state.StepIndex = index + 1;
                break;
        }

        if (state.Status.CurrentStepIndex != state.Stored.CurrentStepIndex)
        {
            state.RequeueWithin(TimeSpan.FromMilliseconds(100));
        }
    }

    private static void ProgressPause(DecisionState state, PauseStep pause, int index)
    {
        var condition = state.Collector.StoredPause(RolloutConditionTypes.PauseReasonCanaryStep);
        if (condition is null && state.Stored.ControllerPause == true)
        {
            // The pause condition was cleared while the controller paused: promoted.
            state.StepIndex = index + 1;
            return;
        }

        if (condition is null)
        {
            state.Collector.AddPause(RolloutConditionTypes.PauseReasonCanaryStep);
            if (pause.Duration is { } fresh)
            {
                state.RequeueWithin(fresh);
            }

            return;
        }

        if (pause.Duration is { } duration)
        {
            var remaining = (condition.StartTime ?? state.Now) + duration - state.Now;
            if (remaining <= TimeSpan.Zero)
            {
                state.Collector.RemovePause(RolloutConditionTypes.PauseReasonCanaryStep);
                state.StepIndex = index + 1;
            }
            else
            {
                state.RequeueWithin(remaining);
            }
        }
    }

    private static void ProgressAnalysis(DecisionState state, int index)
    {
        var status = state.Status;
        var canaryStatus = status.Canary ??= new CanaryStatus();
        var inconclusivePause = state.Collector.HasStoredPause(RolloutConditionTypes.PauseReasonInconclusive);
        if (!inconclusivePause && state.Stored.ControllerPause == true
            && state.Stored.Canary?.CurrentStepAnalysisRunStatus?.Status == nameof(AnalysisPhase.Inconclusive))
        {
            // Promoted past an inconclusive analysis.
            state.StepIndex = index + 1;
            return;
        }

        var name = AnalysisRunNames.ForStep(state.Rollout.Metadata.Name!, state.PodHash, index);
        if (state.Observation.EdgeProblems.TryGetValue(name, out var problem))
        {
            Abort(state, $"analysis step {index + 1}: {problem}");
            return;
        }

        var run = CurrentAnalysisRun.Find(state.Observation.AnalysisRuns, name, state.Stored.Canary?.CurrentStepAnalysisRunStatus?.Name, state.PodHash, index);
        if (run is null)
        {
            state.Add(new CreateAnalysisRun(name, state.PodHash, index));
            canaryStatus.CurrentStepAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = name, Status = nameof(AnalysisPhase.Pending) };
            state.RequeueWithin(ConvergencePoll);
            return;
        }

        var phase = run.Phase is { Length: > 0 } p ? p : nameof(AnalysisPhase.Pending);
        canaryStatus.CurrentStepAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = run.Name, Status = phase, Message = run.Message };
        switch (phase)
        {
            case nameof(AnalysisPhase.Successful):
                state.StepIndex = index + 1;
                break;
            case nameof(AnalysisPhase.Failed):
            case nameof(AnalysisPhase.Error):
                Abort(state, $"Rollout aborted update to revision {state.PodHash}: AnalysisRun {run.Name} {phase}: {run.Message}");
                break;
            case nameof(AnalysisPhase.Inconclusive):
                state.Collector.AddPause(RolloutConditionTypes.PauseReasonInconclusive);
                break;
            default:
                state.RequeueWithin(ConvergencePoll);
                break;
        }
    }

    private static void Abort(DecisionState state, string detail)
    {
        state.Collector.AddAbort(detail);
        state.AbortDetail = detail;
        state.Status.PromoteFull = null;
        state.StepIndex = state.IsFullyPromoted ? state.Steps.Count : 0;
    }

    /// <summary>The new ReplicaSet becomes stable once every step is done and all its pods are available.</summary>
    private static void Complete(DecisionState state)
    {
        var newReplicaSet = state.NewReplicaSet!;
        if (state.Aborted || state.IsFullyPromoted || state.StepIndex < state.Steps.Count)
        {
            return;
        }

        var stable = state.StableReplicaSet;
        if (stable is not null && state.Routed && !RoutedFullyToCanary(state))
        {
            return;
        }

        if (stable is null
            || (newReplicaSet.SpecReplicas == state.SpecReplicas
                && (newReplicaSet.AvailableReplicas >= state.SpecReplicas
                    || ReplicaProgressThreshold.IsMet(state.Canary.ReplicaProgressThreshold, newReplicaSet.SpecReplicas, newReplicaSet.AvailableReplicas, state.SpecReplicas))))
        {
            state.Status.StableRS = state.PodHash;
            state.Status.PromoteFull = null;
            state.Collector.ClearPauses();
        }
    }

    /// <summary>
    /// At the end of the steps Argo routes 100% to the canary before the Services move; promote --full, a rollout
    /// without steps and one of 0 replicas (no pod to weigh to) promote at the weight they have, as Argo's do.
    /// </summary>
    private static bool RoutedFullyToCanary(DecisionState state) =>
        state.Status.PromoteFull == true || state.Steps.Count == 0 || state.SpecReplicas == 0
        || state.Stored.Canary?.Weights?.Canary is { Weight: CanaryReplicaMath.MaxWeight } canary && canary.PodTemplateHash == state.PodHash;

    private static void ScaleReplicaSets(DecisionState state)
    {
        var newReplicaSet = state.NewReplicaSet!;
        if (state.Halted)
        {
            return;
        }

        var stable = state.StableReplicaSet;
        var old = state.OldReplicaSets.ToList();
        RemoveScaleDownDeadlines(state, newReplicaSet, stable);
        if (state.Routed)
        {
            ScaleRouted(state, newReplicaSet, stable, old);
            return;
        }

        if (stable is null || stable.Name == newReplicaSet.Name)
        {
            state.Scale(newReplicaSet, state.SpecReplicas);
            ScaleDownOld(state, old);
            return;
        }

        ScaleDownOld(state, old);
        var olderReplicas = old.Sum(rs => Math.Max(state.ReplicasOf(rs), rs.Replicas));
        var counts = BasicCanaryScaler.Calculate(new BasicCanaryScaleInput(
            state.SpecReplicas,
            DesiredWeight(state),
            state.Limits,
            new ReplicaSetCounts(newReplicaSet.SpecReplicas, newReplicaSet.AvailableReplicas),
            new ReplicaSetCounts(stable.SpecReplicas, stable.AvailableReplicas),
            olderReplicas,
            state.Aborted ? null : CanarySteps.ActiveCanaryScale(state.Steps, state.StepIndex)));
        state.Scale(stable, counts.StableReplicas);
        state.Scale(newReplicaSet, counts.CanaryReplicas);
    }

    /// <summary>
    /// Argo's reconcileCanaryReplicaSets with a router: the stable first (its size lags the stored weights, so it never
    /// shrinks before traffic has left it), then the canary, then older ReplicaSets that no weight refers to any more.
    /// </summary>
    private static void ScaleRouted(DecisionState state, ObservedReplicaSet newReplicaSet, ObservedReplicaSet? stable, List<ObservedReplicaSet> old)
    {
        if (stable is null || stable.Name == newReplicaSet.Name)
        {
            state.Scale(newReplicaSet, state.SpecReplicas);
        }
        else
        {
            var forStable = TrafficRoutingPlan.Counts(state, state.Stored.Canary?.Weights);
            if (state.ReplicasOf(stable) != forStable.StableReplicas)
            {
                state.Scale(stable, forStable.StableReplicas);
                return;
            }

            var routed = state.RoutedWeights ?? state.Stored.Canary?.Weights;
            var canary = TrafficRoutingPlan.Counts(state, routed).CanaryReplicas;
            state.Scale(newReplicaSet, AbortedCanaryReplicas(state, newReplicaSet, stable, canary));
        }

        if (state.Status.StableRS != state.Stored.StableRS)
        {
            // Argo ends the reconcile that promotes: Services and weights move first, the previous stable after.
            return;
        }

        var weights = state.Stored.Canary?.Weights;
        var referenced = new[] { state.Stored.StableRS, state.Stored.CurrentPodHash, weights?.Canary.PodTemplateHash, weights?.Stable.PodTemplateHash };
        ScaleDownOldRouted(state, [.. old.Where(rs => !referenced.Contains(rs.PodHash))]);
    }

    /// <summary>
    /// Argo's scaleDownOldReplicaSetsForCanary with a router: once fully promoted, or for one that already carries a
    /// deadline, an old ReplicaSet is the previous stable and keeps its pods until its scale-down deadline
    /// (scaleDownDelaySeconds, at most scaleDownDelayRevisionLimit of them), or goes at once with dynamicStableScale;
    /// an intermediate canary, which no traffic reaches, goes at once.
    /// </summary>
    private static void ScaleDownOldRouted(DecisionState state, IReadOnlyList<ObservedReplicaSet> old)
    {
        var available = state.Observation.ReplicaSets.Sum(rs => Math.Min(rs.AvailableReplicas, rs.SpecReplicas));
        if (available - (state.SpecReplicas - state.Limits.MaxUnavailable) <= 0)
        {
            // As Argo: nothing old goes (nor gets a deadline) while the pods that serve are short.
            if (old.Any(rs => rs.SpecReplicas > 0))
            {
                state.RequeueWithin(ConvergencePoll);
            }

            return;
        }

        var storedFullyPromoted = state.Stored.StableRS is { Length: > 0 } stableHash && stableHash == state.Stored.CurrentPodHash;
        var previousStable = old.Where(rs => rs.SpecReplicas > 0 && (storedFullyPromoted || ScaleDownDeadline.IsSet(rs.ScaleDownDeadline))).ToList();
        ScaleDownOld(state, [.. old.Except(previousStable)]);
        if (state.Canary.DynamicStableScale == true)
        {
            foreach (var replicaSet in previousStable)
            {
                state.Scale(replicaSet, 0);
            }

            return;
        }

        var delay = TimeSpan.FromSeconds(state.Canary.ScaleDownDelaySeconds ?? (int)ScaleDownDeadline.DefaultDelay.TotalSeconds);
        var candidates = previousStable.OrderByDescending(rs => rs.Revision ?? 0).ThenByDescending(rs => rs.Created ?? DateTimeOffset.MinValue);
        foreach (var step in ScaleDownDeadline.Plan(candidates, null, delay, state.Canary.ScaleDownDelayRevisionLimit ?? int.MaxValue, state.Now))
        {
            if (step.NewDeadline is { } deadline)
            {
                state.Add(new SetScaleDownDeadline(step.Name, deadline));
            }

            state.Scale(previousStable.First(rs => rs.Name == step.Name), step.Replicas);
            if (step.Remaining is { } remaining)
            {
                state.RequeueWithin(remaining);
            }
        }
    }

    /// <summary>
    /// Argo's shouldDelayScaleDownOnAbort for a routed canary: the delay an aborted canary waits before going to zero,
    /// null when it does not wait (no stable, dynamicStableScale without an explicit delay, or abortScaleDownDelaySeconds
    /// 0, which keeps it up instead).
    /// </summary>
    private static TimeSpan? AbortScaleDownDelay(DecisionState state)
    {
        if (!state.Aborted || state.StableReplicaSet is null || !state.Routed)
        {
            return null;
        }

        return state.Canary.AbortScaleDownDelaySeconds switch
        {
            0 => null,
            null when state.Canary.DynamicStableScale == true => null,
            null => ScaleDownDeadline.DefaultDelay,
            { } seconds => TimeSpan.FromSeconds(seconds),
        };
    }

    /// <summary>
    /// Argo's reconcileNewReplicaSet on abort: the canary keeps its pods until its deadline, which is written only once the
    /// stable pods can take all the traffic; abortScaleDownDelaySeconds 0 keeps them for good. Otherwise the canary has
    /// <paramref name="desired"/>.
    /// </summary>
    private static int AbortedCanaryReplicas(DecisionState state, ObservedReplicaSet newReplicaSet, ObservedReplicaSet stable, int desired)
    {
        var held = newReplicaSet.SpecReplicas;
        if (state.Aborted && state.Canary.AbortScaleDownDelaySeconds == 0)
        {
            return held;
        }

        if (AbortScaleDownDelay(state) is not { } delay)
        {
            return desired;
        }

        if (ScaleDownDeadline.IsSet(newReplicaSet.ScaleDownDeadline))
        {
            if (!ScaleDownDeadline.TryParse(newReplicaSet.ScaleDownDeadline, out var deadline))
            {
                // Argo cannot read it and scales as if there were no delay.
                return desired;
            }

            if (deadline > state.Now)
            {
                state.RequeueWithin(deadline - state.Now);
                return held;
            }

            return 0;
        }

        // The deadline scales the canary to zero whatever then holds, so it starts only once the stable pods can serve it all.
        if (stable.AvailableReplicas >= state.SpecReplicas)
        {
            state.Add(new SetScaleDownDeadline(newReplicaSet.Name, ScaleDownDeadline.Format(state.Now + delay)));
            state.RequeueWithin(delay);
        }
        else
        {
            state.RequeueWithin(ConvergencePoll);
        }

        return held;
    }

    /// <summary>Argo's removeScaleDownDeadlines: the canary (unless an abort delays it) and the stable serve, so neither keeps a deadline.</summary>
    private static void RemoveScaleDownDeadlines(DecisionState state, ObservedReplicaSet newReplicaSet, ObservedReplicaSet? stable)
    {
        var keepNew = AbortScaleDownDelay(state) is not null;
        if (!keepNew && ScaleDownDeadline.IsSet(newReplicaSet.ScaleDownDeadline))
        {
            state.Add(new SetScaleDownDeadline(newReplicaSet.Name, null));
        }

        if (stable is not null && (keepNew || stable.Name != newReplicaSet.Name) && ScaleDownDeadline.IsSet(stable.ScaleDownDeadline))
        {
            state.Add(new SetScaleDownDeadline(stable.Name, null));
        }
    }

    /// <summary>
    /// With a router the weight, not the pod counts, splits traffic: the Services move with it, and the weight changes
    /// only once the side that receives traffic has the pods for it.
    /// </summary>
    private static void RouteTraffic(DecisionState state)
    {
        if (!state.Routed || state.Halted || (state.Stored.StableRS is not null && state.Status.StableRS != state.Stored.StableRS))
        {
            // The reconcile that promotes ends there in Argo: the Services and the weight move on the next one.
            return;
        }

        var stableHash = state.Status.StableRS ?? state.PodHash;
        var rollingBack = TrafficRoutingPlan.IsDynamicallyRollingBackToStable(state, out _);
        PointRoutedService(state, state.Canary.StableService, state.StableReplicaSet);
        var weight = TrafficRoutingPlan.DesiredWeight(state, out var canaryHash);
        if (state.Aborted)
        {
            // The canary Service goes back to the stable pods once no traffic is weighted to it (dynamic scaling) or at once.
            if (state.Canary.DynamicStableScale != true || weight == 0)
            {
                PointRoutedService(state, state.Canary.CanaryService, state.StableReplicaSet, requireAvailable: false);
            }
        }
        else if (!rollingBack)
        {
            PointRoutedService(state, state.Canary.CanaryService, state.NewReplicaSet);
        }

        var clearRoutes = state.Canary.TrafficRouting!.ManagedRoutes is { Count: > 0 }
            && (state.IsFullyPromoted || state.Aborted || (state.NewReplicaSet?.AvailableReplicas ?? 0) == 0 || state.Status.PromoteFull == true);
        if (clearRoutes)
        {
            state.Add(new RemoveManagedRoutes());
        }

        if (weight is not null && !clearRoutes && StepRouteToSet(state) is { } stepRoute)
        {
            state.Add(stepRoute);
        }

        if (weight is { } routed && state.Canary.TrafficRouting.Istio?.DestinationRule is not null)
        {
            // Subset-level: a canary weight may not follow the hash to new pods that are not there yet (Argo's order).
            var canaryEmpty = (state.NewReplicaSet?.AvailableReplicas ?? 0) == 0;
            if (canaryEmpty && state.Stored.Canary?.Weights?.Canary.Weight > 0)
            {
                state.Add(new SetCanaryWeight(routed));
            }

            if (TrafficRoutingPlan.SubsetSwitchWaitsFor(state, canaryHash) is not null)
            {
                state.RequeueWithin(ConvergencePoll);
                return;
            }

            state.Add(new UpdateRouteHashes(canaryHash, state.StableReplicaSet?.PodHash ?? ""));
        }

        if (weight is { } weighed)
        {
            state.Add(new SetCanaryWeight(weighed));
            state.RoutedWeights = TrafficRoutingPlan.Weights(state, weighed, canaryHash);
        }
        else if (state.Stored.Canary?.Weights is null || state.Stored.Canary.Weights.Stable.PodTemplateHash != stableHash)
        {
            state.RequeueWithin(ConvergencePoll);
        }
    }

    /// <summary>
    /// The stored step's setHeaderRoute or setMirrorRoute (Argo routes the step the status stands on, then advances),
    /// from the second revision on as Argo does; none while the routes are being cleared.
    /// </summary>
    private static RolloutIntent? StepRouteToSet(DecisionState state)
    {
        var stored = state.Stored.CurrentStepIndex ?? 0;
        if (stored >= state.Steps.Count || RolloutRevision(state.Rollout) <= 1)
        {
            return null;
        }

        return state.Steps[stored] switch
        {
            SetHeaderRouteStep header => new RouteHeaders(header.Route),
            SetMirrorRouteStep mirror => new RouteMirror(mirror.Route),
            _ => null,
        };
    }

    /// <summary>Argo's ensureSVCTargets: a Service moves only to a ReplicaSet with an available pod.</summary>
    private static void PointRoutedService(DecisionState state, string? service, ObservedReplicaSet? replicaSet, bool requireAvailable = true)
    {
        if (service is { Length: > 0 } name && replicaSet is not null && (!requireAvailable || replicaSet.AvailableReplicas > 0))
        {
            state.Add(new PointService(name, replicaSet.PodHash));
        }
    }

    private static void ScaleDownOld(DecisionState state, IReadOnlyList<ObservedReplicaSet> old)
    {
        foreach (var (name, replicas) in OldReplicaSetScaleDown.Plan(state.SpecReplicas, state.Limits.MaxUnavailable, state.Observation.ReplicaSets, old))
        {
            state.Scale(old.First(rs => rs.Name == name), replicas);
        }

        if (old.Any(rs => state.ReplicasOf(rs) > 0 || rs.Replicas > 0))
        {
            state.RequeueWithin(ConvergencePoll);
        }
    }

    internal static int DesiredWeight(DecisionState state) =>
        CanarySteps.DesiredWeight(state.Steps, state.StepIndex, state.Aborted, state.Status.PromoteFull == true);

    private static bool AtDesiredCounts(DecisionState state)
    {
        if (state.Routed)
        {
            return TrafficRoutingPlan.AtDesiredCounts(state);
        }

        var newReplicaSet = state.NewReplicaSet!;
        var stable = state.StableReplicaSet;
        var desired = CanaryReplicaMath.DesiredCounts(
            state.SpecReplicas,
            DesiredWeight(state),
            state.Limits.MaxSurge,
            CanarySteps.ActiveCanaryScale(state.Steps, state.StepIndex));
        var canaryReady = newReplicaSet.SpecReplicas == desired.CanaryReplicas
            && ReplicaProgressThreshold.IsMet(state.Canary.ReplicaProgressThreshold, newReplicaSet.SpecReplicas, newReplicaSet.AvailableReplicas, desired.CanaryReplicas);
        var stableReady = stable is null
            || (stable.SpecReplicas == desired.StableReplicas && stable.Replicas == desired.StableReplicas && stable.AvailableReplicas >= desired.StableReplicas);
        var othersGone = state.OldReplicaSets.All(rs => rs.Replicas == 0);
        return canaryReady && stableReady && othersGone;
    }

    /// <summary>canaryMetadata / stableMetadata by role, as Argo's ephemeral metadata; nothing at all when neither is set.</summary>
    internal static void SyncEphemeralMetadata(DecisionState state)
    {
        if (state.NewPodMetadata is null && state.StablePodMetadata is null)
        {
            return;
        }

        foreach (var replicaSet in state.Observation.ReplicaSets.Where(rs => !rs.Deleting))
        {
            var desired = DesiredPodMetadata(state, replicaSet.PodHash);
            if (replicaSet.InjectedMetadata != desired)
            {
                state.Add(new SyncPodMetadata(replicaSet.Name, replicaSet.PodHash, replicaSet.InjectedMetadata, desired));
            }
        }
    }

    /// <summary>The canary/stable metadata the pods of <paramref name="podHash"/> carry now; null for none (or old ReplicaSets).</summary>
    private static string? DesiredPodMetadata(DecisionState state, string podHash)
    {
        var stableHash = state.Status.StableRS;
        return podHash == state.PodHash
            ? EphemeralMetadata.Serialize(stableHash is null || stableHash == state.PodHash ? state.StablePodMetadata : state.NewPodMetadata)
            : podHash == stableHash ? EphemeralMetadata.Serialize(state.StablePodMetadata) : null;
    }

    private static void PointServices(DecisionState state)
    {
        if (state.Routed)
        {
            return;
        }

        var stableHash = state.Status.StableRS ?? state.PodHash;
        if (state.Canary.StableService is { Length: > 0 } stableService)
        {
            state.Add(new PointService(stableService, stableHash));
        }

        if (state.Canary.CanaryService is { Length: > 0 } canaryService)
        {
            state.Add(new PointService(canaryService, state.Aborted ? stableHash : state.PodHash));
        }
    }

    /// <summary>
    /// Runs that no longer matter are terminated: other revisions', every one while aborted, the background run once
    /// promoted, and a step's run once the rollout has moved past that step (a skipped step). Completed ones beyond the
    /// history limits are deleted.
    /// </summary>
    private static void CleanUpAnalysisRuns(DecisionState state)
    {
        var storedStep = Math.Clamp(state.Stored.CurrentStepIndex ?? 0, 0, state.Steps.Count);
        var storedPaused = (state.Stored.PauseConditions?.Count ?? 0) > 0 || state.Stored.Abort == true;
        if (!storedPaused && (storedStep >= state.Steps.Count || state.Steps[storedStep] is not AnalysisStep) && state.Status.Canary is not null)
        {
            // As Argo: once the rollout stands on a step that is not an analysis (skipped, promoted), the step's run is
            // no longer current, and a run still measuring is terminated below.
            state.Status.Canary.CurrentStepAnalysisRunStatus = null;
        }

        var currentStep = state.Status.Canary?.CurrentStepAnalysisRunStatus?.Name;
        var currentBackground = state.Status.Canary?.CurrentBackgroundAnalysisRunStatus?.Name;
        var notCurrent = new List<ObservedAnalysisRun>();
        foreach (var run in state.Observation.AnalysisRuns)
        {
            var isCurrent = !state.Aborted && run.PodHash == state.PodHash && (run.Name == currentStep || run.Name == currentBackground);
            if (isCurrent || state.Intents.OfType<DeleteAnalysisRun>().Any(d => d.Name == run.Name))
            {
                continue;
            }

            notCurrent.Add(run);
            var stepStillAhead = run.PodHash == state.PodHash && run.RolloutType == "Step" && run.StepIndex >= state.StepIndex && !state.Aborted && !state.IsFullyPromoted;
            var backgroundStillWanted = run.PodHash == state.PodHash && run.RolloutType == "Background" && !state.Aborted && !state.IsFullyPromoted;
            if (!stepStillAhead && !backgroundStillWanted && !run.TerminateRequested && !run.IsCompleted)
            {
                state.Add(new TerminateAnalysisRun(run.Name));
            }
        }

        var limits = AnalysisHistoryLimits(state.Rollout.Spec.Analysis);
        foreach (var name in AnalysisRunHistory.ToDelete(notCurrent, limits.Successful, limits.Unsuccessful))
        {
            state.Add(new DeleteAnalysisRun(name));
        }
    }

    internal static (int? Successful, int? Unsuccessful) AnalysisHistoryLimits(JsonElement? analysis)
    {
        if (analysis is not { ValueKind: JsonValueKind.Object } value)
        {
            return (null, null);
        }

        return (Int(value, "successfulRunHistoryLimit"), Int(value, "unsuccessfulRunHistoryLimit"));

        static int? Int(JsonElement element, string name) =>
            element.TryGetProperty(name, out var property) && property.TryGetInt32(out var number) ? number : null;
    }

    internal static void CleanUpReplicaSets(DecisionState state)
    {
        var old = state.OldReplicaSets.Select(rs => rs with { SpecReplicas = state.ReplicasOf(rs) }).ToList();
        foreach (var name in RevisionHistory.ToDelete(old, state.Rollout.Spec.RevisionHistoryLimit))
        {
            state.Add(new DeleteReplicaSet(name));
        }
    }
}
