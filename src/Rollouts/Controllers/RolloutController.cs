using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tollgate.Rollouts.Analysis;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Metrics;
using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Operator.Events;

namespace Tollgate.Rollouts.Controllers;

/// <summary>
/// Level-based reconcile of a canary Rollout, as an ordered chain of small steps over a <see cref="RolloutContext"/>;
/// each step returns whether the chain goes on. Everything the next reconcile needs is written to status.
/// </summary>
public sealed class RolloutController(
    IKubernetesClient client,
    RolloutCaches caches,
    ReplicaSetSync replicaSetSync,
    ServiceSync serviceSync,
    StepAnalysisRuns stepAnalysisRuns,
    PodRestarter podRestarter,
    IEventRecorder eventRecorder,
    RolloutsMeter meter,
    TimeProvider time,
    ILogger<RolloutController> logger) : IEntityController<Rollout>
{
    /// <summary>
    /// A safety net only: changes of the Rollout's ReplicaSets and AnalysisRuns reconcile it at once (the controller
    /// owns them), so a rollout waiting on pods or an analysis looks again this late only if such an event was missed.
    /// </summary>
    public static readonly TimeSpan ConvergencePoll = TimeSpan.FromSeconds(5);

    public async Task<ReconciliationResult<Rollout>> ReconcileAsync(Rollout entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await caches.WaitForSyncAsync(cancellationToken);
        var before = entity.Status is null ? null : CopyStatus(entity.Status);
        var context = new RolloutContext(entity, before, time.GetUtcNow());
        Func<RolloutContext, CancellationToken, Task<bool>>[] chain =
        [
            ValidateSpecAsync,
            ResolveRevisionAsync,
            EnsureReplicaSetsAsync,
            HandleAbortAndRetryAsync,
            BackgroundAnalysisAsync,
            ProgressStepsAsync,
            CompleteAsync,
            ScaleAsync,
            SyncServicesAsync,
            RestartPodsAsync,
        ];
        foreach (var step in chain)
        {
            if (!await step(context, cancellationToken))
            {
                break;
            }
        }

        ComputeStatus(context);
        var written = await WriteStatusAsync(context, cancellationToken);
        return ReconciliationResult<Rollout>.Success(written, context.RequeueAfter);
    }

    public Task<ReconciliationResult<Rollout>> DeletedAsync(Rollout entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        meter.ForgetRollout(entity.Metadata.Namespace ?? "", entity.Metadata.Name ?? "");
        return Task.FromResult(ReconciliationResult<Rollout>.Success(entity));
    }

    private static RolloutStatus CopyStatus(RolloutStatus status) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(status, RolloutsJsonContext.Default.RolloutStatus), RolloutsJsonContext.Default.RolloutStatus)!;

    private static Task<bool> ValidateSpecAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        var spec = context.Rollout.Spec;
        string? problem = null;
        if (spec.Template is null)
        {
            problem = "spec.template is required";
        }
        else if (spec.WorkloadRef is not null)
        {
            problem = "spec.workloadRef is not supported; set spec.template";
        }
        else if (spec.Strategy?.Canary is null)
        {
            problem = "only the canary strategy is supported: set spec.strategy.canary";
        }
        else if (spec.Strategy.Canary.TrafficRouting is not null)
        {
            problem = "spec.strategy.canary.trafficRouting is not supported: the weight is a replica split";
        }
        else if (spec.Selector?.MatchLabels is { } matchLabels
            && matchLabels.Any(l => Labels.Value(spec.Template.Metadata?.Labels, l.Key) != l.Value))
        {
            problem = "spec.selector does not match the template's labels";
        }

        if (problem is null)
        {
            try
            {
                context.Steps = CanaryStepConverter.Convert(spec.Strategy!.Canary!.Steps);
                context.Limits = ScalingLimits.Resolve(context.SpecReplicas, Limit(spec.Strategy.Canary.MaxSurge), Limit(spec.Strategy.Canary.MaxUnavailable));
            }
            catch (FormatException exception)
            {
                problem = exception.Message;
            }
        }

        context.InvalidSpecMessage = problem;
        return Task.FromResult(problem is null);
    }

    private static IntOrPercent? Limit(IntOrString? value) =>
        value is not { } present ? null : present.IsString ? IntOrPercent.Parse(present.StringValue!) : IntOrPercent.FromInt(present.IntValue);

    /// <summary>A new template restarts the steps; the stable template (or a first deploy) skips them.</summary>
    private static Task<bool> ResolveRevisionAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        var status = context.Status;
        context.Selector = context.Rollout.Spec.Selector?.MatchLabels is { Count: > 0 } labels
            ? new Dictionary<string, string>(labels, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { [RolloutLabels.RolloutName] = context.Name };
        context.PodHash = PodTemplateHash.Compute(context.Rollout.Spec.Template!, status.CollisionCount);
        var stepHash = PodTemplateHash.ComputeSteps(context.Rollout.Spec.Strategy!.Canary!.Steps);
        if (status.CurrentPodHash != context.PodHash)
        {
            var skipSteps = status.StableRS is null || status.StableRS == context.PodHash;
            status.CurrentPodHash = context.PodHash;
            status.CurrentStepHash = stepHash;
            context.StepIndex = skipSteps ? context.Steps.Count : 0;
            ResetProgress(status);
        }
        else if (status.CurrentStepHash != stepHash)
        {
            status.CurrentStepHash = stepHash;
            context.StepIndex = context.IsFullyPromoted ? context.Steps.Count : 0;
            ResetProgress(status);
        }

        return Task.FromResult(true);
    }

    private static void ResetProgress(RolloutStatus status)
    {
        status.PauseConditions = null;
        status.ControllerPause = null;
        status.Abort = null;
        status.AbortedAt = null;
        status.PromoteFull = null;
        if (status.Canary is not null)
        {
            status.Canary.CurrentStepAnalysisRunStatus = null;
        }
    }

    private async Task<bool> EnsureReplicaSetsAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        foreach (var replicaSet in caches.ReplicaSets.ListByLabel(RolloutLabels.RolloutName, context.Name, context.Namespace)
            .Where(rs => rs.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == context.Rollout.Metadata.Uid) == true))
        {
            context.ReplicaSets[replicaSet.Metadata.Name!] = replicaSet;
        }

        var newName = AnalysisRunNames.ForReplicaSet(context.Name, context.PodHash);
        if (!context.ReplicaSets.TryGetValue(newName, out var newReplicaSet))
        {
            var firstDeploy = context.Status.StableRS is null;
            newReplicaSet = await replicaSetSync.EnsureAsync(context.Rollout, context.PodHash, context.Selector, firstDeploy ? context.SpecReplicas : 0, cancellationToken);
            context.ReplicaSets[newName] = newReplicaSet;
            logger.Created(context.Namespace, context.Name, "ReplicaSet", newName);
        }

        context.NewReplicaSet = newReplicaSet;
        context.StableReplicaSet = context.Status.StableRS is { } stable
            ? context.ReplicaSets.GetValueOrDefault(AnalysisRunNames.ForReplicaSet(context.Name, stable))
            : null;
        return true;
    }

    private async Task<bool> HandleAbortAndRetryAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        var status = context.Status;
        if (context.Aborted)
        {
            status.AbortedAt ??= context.Now;
            status.PauseConditions = null;
            status.ControllerPause = null;
            status.PromoteFull = null;
            context.StepIndex = context.IsFullyPromoted ? context.Steps.Count : 0;
            context.AbortDetail = status.Conditions?.FirstOrDefault(c => c.Type == RolloutConditionTypes.Progressing && c.Reason == RolloutConditionTypes.ReasonRolloutAborted)?.Message
                ?? $"Rollout aborted update to revision {context.PodHash}";
        }
        else if (status.AbortedAt is not null)
        {
            // Retried: the aborted attempt's analysis runs go so that the steps measure afresh.
            await stepAnalysisRuns.DeleteCurrentRevisionRunsAsync(context, cancellationToken);
            status.AbortedAt = null;
            context.StepIndex = context.IsFullyPromoted ? context.Steps.Count : 0;
            if (status.Canary is not null)
            {
                status.Canary.CurrentStepAnalysisRunStatus = null;
            }
        }

        await stepAnalysisRuns.TerminateStaleAsync(context, cancellationToken);
        if (status.PromoteFull == true && !context.Aborted)
        {
            context.StepIndex = context.Steps.Count;
            status.PauseConditions = null;
            status.ControllerPause = null;
        }

        return true;
    }

    /// <summary>spec.strategy.canary.analysis: one run per revision from startingStep on; it can abort or pause, never advance.</summary>
    private async Task<bool> BackgroundAnalysisAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        var background = context.Rollout.Spec.Strategy!.Canary!.Analysis;
        var status = context.Status;
        if (background is null || context.Aborted || context.IsFullyPromoted || context.StepIndex < (background.StartingStep ?? 0))
        {
            if (status.Canary is not null && (background is null || context.IsFullyPromoted))
            {
                status.Canary.CurrentBackgroundAnalysisRunStatus = null;
            }

            return true;
        }

        var canaryStatus = status.Canary ??= new CanaryStatus();
        AnalysisRun run;
        try
        {
            run = await stepAnalysisRuns.EnsureBackgroundAsync(context, background, cancellationToken);
        }
        catch (FormatException exception)
        {
            Abort(context, $"background analysis: {exception.Message}");
            return true;
        }

        var phase = run.Status?.Phase is { Length: > 0 } p ? p : nameof(AnalysisPhase.Pending);
        canaryStatus.CurrentBackgroundAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = run.Metadata.Name!, Status = phase, Message = run.Status?.Message };
        var inconclusivePause = status.PauseConditions?.FirstOrDefault(c => c.Reason == RolloutConditionTypes.PauseReasonInconclusive);
        switch (phase)
        {
            case nameof(AnalysisPhase.Failed):
            case nameof(AnalysisPhase.Error):
                Abort(context, $"Rollout aborted update to revision {context.PodHash}: AnalysisRun {run.Metadata.Name} {phase}: {run.Status?.Message}");
                return false;
            case nameof(AnalysisPhase.Inconclusive) when inconclusivePause is null && status.ControllerPause == true:
                // Promoted past an inconclusive background run: it measures again from the start.
                await stepAnalysisRuns.DeleteAsync(context, run.Metadata.Name!, cancellationToken);
                status.ControllerPause = null;
                canaryStatus.CurrentBackgroundAnalysisRunStatus = null;
                return true;
            case nameof(AnalysisPhase.Inconclusive):
                if (inconclusivePause is null)
                {
                    (status.PauseConditions ??= []).Add(new PauseCondition { Reason = RolloutConditionTypes.PauseReasonInconclusive, StartTime = context.Now });
                    status.ControllerPause = true;
                }

                return false;
            case nameof(AnalysisPhase.Successful):
                return true;
            default:
                context.RequeueWithin(ConvergencePoll);
                return true;
        }
    }

    /// <summary>Executes the current step; at most one step is completed per reconcile (the status write brings the next).</summary>
    private async Task<bool> ProgressStepsAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        var index = context.StepIndex;
        if (context.Aborted || context.IsFullyPromoted || context.Rollout.Spec.Paused == true || index >= context.Steps.Count)
        {
            return true;
        }

        var status = context.Status;
        switch (context.Steps[index])
        {
            case SetWeightStep:
            case SetCanaryScaleStep:
                if (AtDesiredCounts(context))
                {
                    context.StepIndex = index + 1;
                }
                else
                {
                    context.RequeueWithin(ConvergencePoll);
                }

                break;
            case PauseStep pause:
                ProgressPause(context, pause, index);
                break;
            case AnalysisStep:
                await ProgressAnalysisAsync(context, index, cancellationToken);
                break;
        }

        if (status.CurrentStepIndex != context.Before?.CurrentStepIndex)
        {
            context.RequeueWithin(TimeSpan.FromMilliseconds(100));
        }

        return true;
    }

    private static void ProgressPause(RolloutContext context, PauseStep pause, int index)
    {
        var status = context.Status;
        var condition = status.PauseConditions?.FirstOrDefault(c => c.Reason == RolloutConditionTypes.PauseReasonCanaryStep);
        if (condition is null && status.ControllerPause == true)
        {
            // The pause condition was cleared while we paused: promoted.
            status.ControllerPause = null;
            context.StepIndex = index + 1;
            return;
        }

        if (condition is null)
        {
            condition = new PauseCondition { Reason = RolloutConditionTypes.PauseReasonCanaryStep, StartTime = context.Now };
            (status.PauseConditions ??= []).Add(condition);
            status.ControllerPause = true;
        }

        if (pause.Duration is { } duration)
        {
            var remaining = condition.StartTime!.Value + duration - context.Now;
            if (remaining <= TimeSpan.Zero)
            {
                status.PauseConditions!.Remove(condition);
                status.PauseConditions = status.PauseConditions.Count == 0 ? null : status.PauseConditions;
                status.ControllerPause = null;
                context.StepIndex = index + 1;
            }
            else
            {
                context.RequeueWithin(remaining);
            }
        }
    }

    private async Task ProgressAnalysisAsync(RolloutContext context, int index, CancellationToken cancellationToken)
    {
        var status = context.Status;
        var canaryStatus = status.Canary ??= new CanaryStatus();
        var inconclusivePause = status.PauseConditions?.FirstOrDefault(c => c.Reason == RolloutConditionTypes.PauseReasonInconclusive);
        if (inconclusivePause is null && status.ControllerPause == true && canaryStatus.CurrentStepAnalysisRunStatus?.Status == nameof(AnalysisPhase.Inconclusive))
        {
            // Promoted past an inconclusive analysis.
            status.ControllerPause = null;
            context.StepIndex = index + 1;
            return;
        }

        AnalysisRun run;
        try
        {
            var analysis = context.Rollout.Spec.Strategy!.Canary!.Steps![index].Analysis!;
            run = await stepAnalysisRuns.EnsureAsync(context, index, analysis, cancellationToken);
        }
        catch (FormatException exception)
        {
            Abort(context, $"analysis step {index + 1}: {exception.Message}");
            return;
        }

        var phase = run.Status?.Phase is { Length: > 0 } p ? p : nameof(AnalysisPhase.Pending);
        canaryStatus.CurrentStepAnalysisRunStatus = new RolloutAnalysisRunStatus { Name = run.Metadata.Name!, Status = phase, Message = run.Status?.Message };
        switch (phase)
        {
            case nameof(AnalysisPhase.Successful):
                context.StepIndex = index + 1;
                break;
            case nameof(AnalysisPhase.Failed):
            case nameof(AnalysisPhase.Error):
                Abort(context, $"Rollout aborted update to revision {context.PodHash}: AnalysisRun {run.Metadata.Name} {phase}: {run.Status?.Message}");
                break;
            case nameof(AnalysisPhase.Inconclusive):
                if (inconclusivePause is null)
                {
                    (status.PauseConditions ??= []).Add(new PauseCondition { Reason = RolloutConditionTypes.PauseReasonInconclusive, StartTime = context.Now });
                    status.ControllerPause = true;
                }

                break;
            default:
                context.RequeueWithin(ConvergencePoll);
                break;
        }
    }

    private static void Abort(RolloutContext context, string detail)
    {
        context.Status.Abort = true;
        context.Status.AbortedAt = context.Now;
        context.Status.PauseConditions = null;
        context.Status.ControllerPause = null;
        context.AbortDetail = detail;
        context.StepIndex = 0;
    }

    /// <summary>The new ReplicaSet becomes stable once every step is done and all its pods are available.</summary>
    private static Task<bool> CompleteAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        var newReplicaSet = context.NewReplicaSet!;
        if (context.Aborted || context.IsFullyPromoted || context.StepIndex < context.Steps.Count)
        {
            return Task.FromResult(true);
        }

        if (context.StableReplicaSet is null
            || ((newReplicaSet.Spec?.Replicas ?? 0) == context.SpecReplicas && (newReplicaSet.Status?.AvailableReplicas ?? 0) >= context.SpecReplicas))
        {
            context.Status.StableRS = context.PodHash;
            context.Status.PromoteFull = null;
            context.Status.PauseConditions = null;
            context.Status.ControllerPause = null;
            context.StableReplicaSet = newReplicaSet;
        }

        return Task.FromResult(true);
    }

    private async Task<bool> ScaleAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        var newReplicaSet = context.NewReplicaSet!;
        var stable = context.StableReplicaSet;
        if (stable is null || stable.Metadata.Name == newReplicaSet.Metadata.Name)
        {
            await ScaleToAsync(context, newReplicaSet, context.SpecReplicas, cancellationToken);
            foreach (var other in context.OtherReplicaSets.ToList())
            {
                await ScaleToAsync(context, other, 0, cancellationToken);
            }

            return true;
        }

        var olderPods = 0;
        foreach (var other in context.OtherReplicaSets.ToList())
        {
            olderPods += Math.Max(other.Status?.Replicas ?? 0, other.Spec?.Replicas ?? 0);
            await ScaleToAsync(context, other, 0, cancellationToken);
        }

        var counts = BasicCanaryScaler.Calculate(new BasicCanaryScaleInput(
            context.SpecReplicas,
            DesiredWeight(context),
            context.Limits,
            Counts(newReplicaSet),
            Counts(stable),
            olderPods,
            context.Aborted ? null : CanarySteps.ActiveCanaryScale(context.Steps, context.StepIndex)));
        await ScaleToAsync(context, stable, counts.StableReplicas, cancellationToken);
        await ScaleToAsync(context, newReplicaSet, counts.CanaryReplicas, cancellationToken);
        return true;
    }

    private static ReplicaSetCounts Counts(V1ReplicaSet replicaSet) =>
        new(replicaSet.Spec?.Replicas ?? 0, replicaSet.Status?.AvailableReplicas ?? 0);

    private static int DesiredWeight(RolloutContext context) =>
        CanarySteps.DesiredWeight(context.Steps, context.StepIndex, context.Aborted, context.Status.PromoteFull == true);

    private static bool AtDesiredCounts(RolloutContext context)
    {
        var newReplicaSet = context.NewReplicaSet!;
        var stable = context.StableReplicaSet;
        var desired = CanaryReplicaMath.DesiredCounts(
            context.SpecReplicas,
            DesiredWeight(context),
            context.Limits.MaxSurge,
            CanarySteps.ActiveCanaryScale(context.Steps, context.StepIndex));
        var canaryReady = (newReplicaSet.Spec?.Replicas ?? 0) == desired.CanaryReplicas
            && (newReplicaSet.Status?.AvailableReplicas ?? 0) >= desired.CanaryReplicas;
        var stableReady = stable is null
            || ((stable.Spec?.Replicas ?? 0) == desired.StableReplicas
                && (stable.Status?.Replicas ?? 0) == desired.StableReplicas
                && (stable.Status?.AvailableReplicas ?? 0) >= desired.StableReplicas);
        var othersGone = context.OtherReplicaSets.All(rs => (rs.Status?.Replicas ?? 0) == 0);
        return canaryReady && stableReady && othersGone;
    }

    private async Task ScaleToAsync(RolloutContext context, V1ReplicaSet replicaSet, int replicas, CancellationToken cancellationToken)
    {
        var current = replicaSet.Spec?.Replicas ?? 0;
        if (current == replicas)
        {
            return;
        }

        var scaled = await replicaSetSync.ScaleAsync(replicaSet, replicas, cancellationToken);
        context.ReplicaSets[scaled.Metadata.Name!] = scaled;
        if (context.NewReplicaSet?.Metadata.Name == scaled.Metadata.Name)
        {
            context.NewReplicaSet = scaled;
        }

        if (context.StableReplicaSet?.Metadata.Name == scaled.Metadata.Name)
        {
            context.StableReplicaSet = scaled;
        }

        logger.Scaled(context.Namespace, context.Name, scaled.Metadata.Name!, current, replicas);
        await RecordAsync(context, new RolloutEvent(false, "ScalingReplicaSet", $"Scaled ReplicaSet {scaled.Metadata.Name} from {current} to {replicas}"), cancellationToken);
        context.RequeueWithin(ConvergencePoll);
    }

    private async Task<bool> SyncServicesAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        var canary = context.Rollout.Spec.Strategy!.Canary!;
        var stableHash = context.Status.StableRS ?? context.PodHash;
        if (canary.StableService is { Length: > 0 } stableService
            && !await serviceSync.PointAtAsync(context.Namespace, stableService, stableHash, cancellationToken))
        {
            context.InvalidSpecMessage = $"stableService \"{stableService}\" not found";
        }

        var canaryHash = context.Aborted ? stableHash : context.PodHash;
        if (canary.CanaryService is { Length: > 0 } canaryService
            && !await serviceSync.PointAtAsync(context.Namespace, canaryService, canaryHash, cancellationToken))
        {
            context.InvalidSpecMessage = $"canaryService \"{canaryService}\" not found";
        }

        return true;
    }

    private async Task<bool> RestartPodsAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        if (context.Rollout.Spec.RestartAt is not { } restartAt || context.Status.RestartedAt == restartAt || restartAt > context.Now)
        {
            if (context.Rollout.Spec.RestartAt is { } future && future > context.Now)
            {
                context.RequeueWithin(future - context.Now);
            }

            return true;
        }

        if (!context.IsFullyPromoted || context.Aborted)
        {
            return true;
        }

        var done = await podRestarter.RestartOlderPodsAsync(context, restartAt, cancellationToken);
        if (done)
        {
            context.Status.RestartedAt = restartAt;
        }
        else
        {
            context.RequeueWithin(ConvergencePoll);
        }

        return true;
    }

    private void ComputeStatus(RolloutContext context)
    {
        var status = context.Status;
        var now = context.Now;
        status.ObservedGeneration = context.Rollout.Metadata.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        status.Selector = string.Join(",", (context.Selector.Count > 0 ? context.Selector : DefaultSelector(context))
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var all = context.ReplicaSets.Values.ToList();
        status.Replicas = all.Sum(rs => rs.Status?.Replicas ?? 0);
        status.UpdatedReplicas = context.NewReplicaSet?.Status?.Replicas ?? 0;
        status.ReadyReplicas = all.Sum(rs => rs.Status?.ReadyReplicas ?? 0);
        status.AvailableReplicas = all.Sum(rs => rs.Status?.AvailableReplicas ?? 0);
        status.HpaReplicas = status.Replicas;

        if (context.InvalidSpecMessage is { } invalid)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.InvalidSpec, true, RolloutConditionTypes.ReasonInvalidSpec, invalid, now);
            status.Phase = nameof(RolloutPhase.Degraded);
            status.Message = $"InvalidSpec: {invalid}";
            return;
        }

        RolloutConditionSetter.Remove(status, RolloutConditionTypes.InvalidSpec);
        var weight = context.IsFullyPromoted ? 0 : DesiredWeight(context);
        var canaryStatus = status.Canary ??= new CanaryStatus();
        canaryStatus.Weights = new TrafficWeights
        {
            Canary = new WeightDestination { Weight = weight, PodTemplateHash = context.PodHash, ServiceName = context.Rollout.Spec.Strategy?.Canary?.CanaryService },
            Stable = new WeightDestination { Weight = 100 - weight, PodTemplateHash = status.StableRS ?? context.PodHash, ServiceName = context.Rollout.Spec.Strategy?.Canary?.StableService },
        };
        if (context.IsFullyPromoted && canaryStatus.CurrentStepAnalysisRunStatus is { Status: "Successful" })
        {
            canaryStatus.CurrentStepAnalysisRunStatus = null;
        }

        var pauseReasons = (status.PauseConditions ?? []).Select(c => c.Reason).ToList();
        var phase = RolloutPhaseCalculator.Calculate(new RolloutPhaseInput(
            context.SpecReplicas,
            status.Replicas ?? 0,
            status.UpdatedReplicas ?? 0,
            status.AvailableReplicas ?? 0,
            context.IsFullyPromoted,
            Aborted: context.Aborted,
            SpecPaused: context.Rollout.Spec.Paused == true,
            PauseReasons: pauseReasons,
            ControllerPause: status.ControllerPause == true,
            RestartPending: context.Rollout.Spec.RestartAt is { } restartAt && restartAt <= now && status.RestartedAt != restartAt));
        var progressing = status.Conditions?.FirstOrDefault(c => c.Type == RolloutConditionTypes.Progressing);
        // Leaving a pause counts as progress, as in Argo: the deadline runs from the resume, not from the pause.
        var lastProgress = ProgressDeadline.Progressed(context.Before, status) || progressing?.Reason == RolloutConditionTypes.ReasonRolloutPaused
            ? now
            : progressing?.LastUpdateTime ?? now;
        var deadlineExceeded = phase.Phase == RolloutPhase.Progressing
            && ProgressDeadline.IsExceeded(lastProgress, context.Rollout.Spec.ProgressDeadlineSeconds, now);
        if (deadlineExceeded)
        {
            phase = new RolloutPhaseResult(RolloutPhase.Degraded, RolloutConditionTypes.ReasonProgressDeadlineExceeded);
            if (context.Rollout.Spec.ProgressDeadlineAbort == true && !context.IsFullyPromoted)
            {
                status.Abort = true;
                status.AbortedAt = now;
                context.AbortDetail = $"Rollout aborted update to revision {context.PodHash}: ReplicaSet \"{context.NewReplicaSet?.Metadata.Name}\" has timed out progressing";
                context.RequeueWithin(TimeSpan.FromMilliseconds(100));
            }
        }

        status.Phase = phase.Phase.ToString();
        status.Message = context.Aborted ? $"{RolloutConditionTypes.ReasonRolloutAborted}: {context.AbortDetail}" : phase.Message is { Length: > 0 } text ? text : null;

        if (context.Aborted)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, false, RolloutConditionTypes.ReasonRolloutAborted, context.AbortDetail ?? "", now);
        }
        else if (deadlineExceeded)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, false, RolloutConditionTypes.ReasonProgressDeadlineExceeded,
                $"ReplicaSet \"{context.NewReplicaSet?.Metadata.Name}\" has timed out progressing.", now);
        }
        else if (phase.Phase == RolloutPhase.Paused)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, true, RolloutConditionTypes.ReasonRolloutPaused, "Rollout is paused", now);
        }
        else if (context.IsFullyPromoted && phase.Phase == RolloutPhase.Healthy)
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, true, RolloutConditionTypes.ReasonNewReplicaSetAvailable,
                $"ReplicaSet \"{context.NewReplicaSet?.Metadata.Name}\" has successfully progressed.", now);
        }
        else
        {
            RolloutConditionSetter.Set(status, RolloutConditionTypes.Progressing, true, RolloutConditionTypes.ReasonReplicaSetUpdated,
                $"ReplicaSet \"{context.NewReplicaSet?.Metadata.Name}\" is progressing.", now);
        }

        if (lastProgress == now && !deadlineExceeded)
        {
            RolloutConditionSetter.Touch(status, RolloutConditionTypes.Progressing, now);
        }

        var available = (status.AvailableReplicas ?? 0) >= context.SpecReplicas - context.Limits.MaxUnavailable;
        RolloutConditionSetter.Set(status, RolloutConditionTypes.Available, available, RolloutConditionTypes.ReasonAvailable,
            available ? "Rollout has minimum availability" : "Rollout does not have minimum availability", now);
        var paused = phase.Phase == RolloutPhase.Paused;
        RolloutConditionSetter.Set(status, RolloutConditionTypes.Paused, paused, paused ? (pauseReasons.FirstOrDefault() ?? "RolloutPaused") : "RolloutResumed",
            paused ? "Rollout is paused" : "Rollout is resumed", now);
        RolloutConditionSetter.Set(status, RolloutConditionTypes.Completed, context.IsFullyPromoted, context.IsFullyPromoted ? RolloutConditionTypes.ReasonCompleted : "RolloutNotCompleted",
            context.IsFullyPromoted ? "Rollout completed update to revision " + context.PodHash : "Rollout not completed", now);
        var healthy = phase.Phase == RolloutPhase.Healthy;
        RolloutConditionSetter.Set(status, RolloutConditionTypes.Healthy, healthy, healthy ? RolloutConditionTypes.ReasonHealthy : "RolloutHealthyNotMet",
            healthy ? "Rollout is healthy" : "Rollout is not healthy", now);

        var converged = all.All(rs => (rs.Spec?.Replicas ?? 0) == (rs.Status?.Replicas ?? 0) && (rs.Status?.AvailableReplicas ?? 0) >= (rs.Spec?.Replicas ?? 0));
        if (!converged || phase.Phase == RolloutPhase.Progressing)
        {
            context.RequeueWithin(ConvergencePoll);
        }
    }

    private static Dictionary<string, string> DefaultSelector(RolloutContext context) =>
        new(StringComparer.Ordinal) { [RolloutLabels.RolloutName] = context.Name };

    private async Task<Rollout> WriteStatusAsync(RolloutContext context, CancellationToken cancellationToken)
    {
        var status = context.Status;
        var rollout = context.Rollout;
        var weight = status.Canary?.Weights?.Canary.Weight ?? 0;
        meter.ReportRollout(context.Namespace, context.Name, status.Phase ?? "", status.CurrentStepIndex ?? 0, weight);
        if (context.Before is not null
            && JsonSerializer.Serialize(context.Before, RolloutsJsonContext.Default.RolloutStatus) == JsonSerializer.Serialize(status, RolloutsJsonContext.Default.RolloutStatus))
        {
            return rollout;
        }

        var written = await client.UpdateStatusAsync(rollout, cancellationToken: cancellationToken);
        foreach (var planned in RolloutEventPlanner.Plan(context.Before, status, context.Steps, context.AbortDetail))
        {
            await RecordAsync(context, planned, cancellationToken);
        }

        return written;
    }

    private async Task RecordAsync(RolloutContext context, RolloutEvent planned, CancellationToken cancellationToken)
    {
        logger.Event(context.Namespace, context.Name, planned.Reason, planned.Message);
        try
        {
            await eventRecorder.RecordAsync(context.Rollout, planned.IsWarning ? EventType.Warning : EventType.Normal, planned.Reason, planned.Message, cancellationToken);
        }
        catch (KubernetesException exception)
        {
            logger.EventFailed(context.Namespace, context.Name, planned.Reason, exception);
        }
    }
}
