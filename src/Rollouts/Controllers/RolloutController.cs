using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Metrics;
using Tollgate.Rollouts.Strategy;
using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.Validation;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Operator.Events;

namespace Tollgate.Rollouts.Controllers;

/// <summary>
/// The I/O edge of a Rollout's reconcile: reads the caches into a <see cref="RolloutObservation"/>, lets the pure
/// <see cref="CanaryStateMachine"/> decide, makes the writes it asks for, and writes the status when it changed.
/// Everything the next reconcile needs is in the objects, never in memory.
/// </summary>
public sealed class RolloutController(
    IKubernetesClient client,
    RolloutCaches caches,
    ReplicaSetSync replicaSetSync,
    ServiceSync serviceSync,
    TrafficRoutingSync trafficRouting,
    StepAnalysisRuns analysisRuns,
    RolloutPods pods,
    PodTemplateDefaults templateDefaults,
    WorkloadGenerations workloadGenerations,
    IEventRecorder eventRecorder,
    RolloutsMeter meter,
    TimeProvider time,
    ILogger<RolloutController> logger) : IEntityController<Rollout>
{
    public async Task<ReconciliationResult<Rollout>> ReconcileAsync(Rollout entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await caches.WaitForSyncAsync(cancellationToken);
        var workload = WorkloadTemplate.Resolve(entity, ReferencedDeployment(entity));
        var rollout = workload.Rollout;
        var observation = await ObserveAsync(entity, workload, cancellationToken);
        var decision = RolloutStateMachine.Decide(observation);
        var problems = await ExecuteAsync(rollout, decision.Intents, cancellationToken);
        var requeue = decision.RequeueAfter;
        if (problems.Count > 0)
        {
            // What the edge could not do changes the decision (an abort, an invalid spec); its writes come next time.
            decision = RolloutStateMachine.Decide(observation with { EdgeProblems = Merge(observation.EdgeProblems, problems) });
            // A router's object is fixed by a person, not by the next reconcile: look again at the polling pace.
            requeue = problems.ContainsKey(RolloutObservation.TrafficRoutingKey) ? CanaryStateMachine.ConvergencePoll : TimeSpan.FromMilliseconds(100);
        }
        else if (workload.Reference is { } reference && observation.InvalidSpec is null)
        {
            await ScaleDownDeploymentAsync(rollout, reference, observation, decision, cancellationToken);
        }

        if (workload.Generation is { } deploymentGeneration)
        {
            await workloadGenerations.StampAsync(entity, deploymentGeneration, cancellationToken);
        }

        decision.Status.WorkloadObservedGeneration = workload.Generation?.ToString(CultureInfo.InvariantCulture);
        var written = await WriteStatusAsync(rollout, observation, decision, cancellationToken);
        return ReconciliationResult<Rollout>.Success(written, requeue);
    }

    public Task<ReconciliationResult<Rollout>> DeletedAsync(Rollout entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        meter.ForgetRollout(entity.Metadata.Namespace ?? "", entity.Metadata.Name ?? "");
        return Task.FromResult(ReconciliationResult<Rollout>.Success(entity));
    }

    private V1Deployment? ReferencedDeployment(Rollout rollout) =>
        WorkloadReference.Parse(rollout.Spec.WorkloadRef) is { IsDeployment: true } reference
            ? caches.Deployments.Get(rollout.Metadata.Namespace, reference.Name)
            : null;

    /// <summary>workloadRef.scaleDown: the Deployment's replicas as <see cref="DeploymentScaleDown"/> plans them.</summary>
    private async Task ScaleDownDeploymentAsync(Rollout rollout, WorkloadReference reference, RolloutObservation observation, RolloutDecision decision, CancellationToken cancellationToken)
    {
        var @namespace = rollout.Metadata.Namespace ?? "";
        if (caches.Deployments.Get(@namespace, reference.Name) is not { } deployment)
        {
            return;
        }

        var current = observation.ReplicaSets.FirstOrDefault(rs => rs.PodHash == observation.PodHash)?.Name;
        var currentScaledDown = decision.Intents.OfType<ScaleReplicaSet>().Any(scale => scale.Name == current && scale.To < scale.From);
        var revision = rollout.Metadata.Annotations?.TryGetValue(RevisionHistory.Annotation, out var text) == true
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;
        var stored = observation.Rollout.Status;
        var replicas = deployment.Spec?.Replicas ?? 1;
        if (DeploymentScaleDown.Target(reference.ScaleDown, revision, stored?.Phase, rollout.Spec.Replicas ?? 1, stored?.AvailableReplicas ?? 0, currentScaledDown, replicas) is not { } target)
        {
            return;
        }

        var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = target } };
        await client.PatchAsync<V1Deployment>(reference.Name, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
        logger.ScaledDeployment(@namespace, rollout.Metadata.Name ?? "", reference.Name, replicas, target, reference.ScaleDown);
    }

    private async Task<RolloutObservation> ObserveAsync(Rollout stored, ResolvedWorkload workload, CancellationToken cancellationToken)
    {
        var rollout = workload.Rollout;
        var now = time.GetUtcNow();
        var @namespace = rollout.Metadata.Namespace;
        var uid = rollout.Metadata.Uid;
        // By owner, as Argo finds them: the ReplicaSets and runs Argo Rollouts made carry none of Tollgate's labels.
        var replicaSets = caches.ReplicaSets.ListByOwner(uid ?? "")
            .Where(rs => rs.Metadata.Namespace == @namespace && rs.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == uid) == true)
            .ToList();
        var runs = caches.AnalysisRuns.ListByOwner(uid ?? "")
            .Where(r => r.Metadata.Namespace == @namespace)
            .Select(ObserveRun)
            .ToList();
        // The same validator the admission webhook runs, so the two never disagree about what is valid.
        var invalid = (RolloutSpecValidator.Validate(stored) is [var first, ..] ? first : null)
            ?? workload.Problem
            ?? (ReferenceEquals(stored, rollout) ? null : RolloutSpecValidator.Validate(rollout) is [var resolved, ..] ? resolved : null);
        var podHash = rollout.Status?.CurrentPodHash ?? "";
        var stepHash = rollout.Status?.CurrentStepHash ?? "";
        if (invalid is null)
        {
            var current = await ResolveCurrentReplicaSetAsync(rollout, replicaSets, cancellationToken);
            invalid = current.Inconsistency;
            if (invalid is null)
            {
                podHash = current.PodHash;
                var steps = rollout.Spec.Strategy?.Canary?.Steps;
                stepHash = StepHashChoice.Choose(rollout.Status?.CurrentStepHash, ArgoStepHash.Compute(steps), PodTemplateHash.ComputeSteps(steps));
            }
        }

        IReadOnlyList<ObservedPod>? livePods = null;
        if (invalid is null && RestartPlan.IsPending(rollout.Spec, rollout.Status, now))
        {
            livePods = await pods.ListAsync(rollout, replicaSets.Select(rs => rs.Metadata.Uid ?? "").ToHashSet(StringComparer.Ordinal), now, cancellationToken);
        }

        var (selectors, missing) = invalid is null ? await ObserveServicesAsync(rollout, cancellationToken) : ([], []);
        return new RolloutObservation(rollout, podHash, stepHash, replicaSets.Select(ObserveReplicaSet).ToList(), runs, now)
        {
            InvalidSpec = invalid,
            Pods = livePods,
            ServiceSelectors = selectors,
            EdgeProblems = missing,
        };
    }

    /// <summary>Blue-green decides on the Services' selectors as they are (Argo reads its Service lister); canary does not read them.</summary>
    private async Task<(Dictionary<string, string?> Selectors, Dictionary<string, string> Missing)> ObserveServicesAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        var selectors = new Dictionary<string, string?>(StringComparer.Ordinal);
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rollout.Spec.Strategy?.BlueGreen is not { } blueGreen || rollout.Spec.Strategy.Canary is not null)
        {
            return (selectors, missing);
        }

        foreach (var service in new[] { blueGreen.ActiveService, blueGreen.PreviewService }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!))
        {
            var (found, hash) = await serviceSync.ReadSelectorAsync(rollout.Metadata.Namespace ?? "", service, cancellationToken);
            if (found)
            {
                selectors[service] = hash;
            }
            else
            {
                missing[RolloutObservation.ServiceKey(service)] = $"service \"{service}\" not found";
            }
        }

        return (selectors, missing);
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> observed, Dictionary<string, string> problems)
    {
        var merged = new Dictionary<string, string>(observed, StringComparer.Ordinal);
        foreach (var (key, value) in problems)
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>Tollgate's hash of the template, or the hash of the ReplicaSet (Argo's) that already runs it.</summary>
    private async Task<CurrentReplicaSetResult> ResolveCurrentReplicaSetAsync(Rollout rollout, IReadOnlyList<CachedReplicaSet> replicaSets, CancellationToken cancellationToken)
    {
        var template = rollout.Spec.Template!;
        var ownHash = PodTemplateHash.Compute(template, rollout.Status?.CollisionCount);
        // The live templates are read (and parsed) only when no ReplicaSet carries Tollgate's own hash.
        var candidates = Candidates(replicaSets, withTemplates: false);
        JsonNode? desired = null;
        if (CurrentReplicaSet.NeedsTemplateComparison(ownHash, candidates))
        {
            candidates = Candidates(replicaSets, withTemplates: true);
            desired = await templateDefaults.ApplyAsync(rollout.Metadata.Namespace ?? "", template, ownHash, cancellationToken);
        }

        var antiAffinity = (rollout.Spec.Strategy?.Canary?.AntiAffinity ?? rollout.Spec.Strategy?.BlueGreen?.AntiAffinity) is { ValueKind: JsonValueKind.Object };
        var current = CurrentReplicaSet.Resolve(ownHash, desired, candidates, rollout.Status?.StableRS, antiAffinity);
        if (current.Adopted && rollout.Status?.CurrentPodHash != current.PodHash)
        {
            logger.Adopted(rollout.Metadata.Namespace ?? "", rollout.Metadata.Name ?? "", current.PodHash);
        }

        return current;
    }

    private static List<CandidateReplicaSet> Candidates(IReadOnlyList<CachedReplicaSet> replicaSets, bool withTemplates) =>
        [.. replicaSets.Select(rs => new CandidateReplicaSet(
            rs.Metadata.Name!,
            Labels.Value(rs.Metadata.Labels, RolloutLabels.PodTemplateHash) ?? "",
            withTemplates && rs.Spec?.Template is { ValueKind: JsonValueKind.Object } live
                ? JsonSerializer.SerializeToNode(live.Deserialize(RolloutsJsonContext.Default.V1PodTemplateSpec)!, RolloutsJsonContext.Default.V1PodTemplateSpec)
                : null,
            rs.Metadata.Annotations?.TryGetValue(EphemeralMetadata.Annotation, out var injected) == true ? injected : null,
            rs.Metadata.DeletionTimestamp is not null))];

    private static ObservedReplicaSet ObserveReplicaSet(CachedReplicaSet replicaSet) => new(
        replicaSet.Metadata.Name!,
        Labels.Value(replicaSet.Metadata.Labels, RolloutLabels.PodTemplateHash) ?? "",
        replicaSet.Spec?.Replicas ?? 0,
        replicaSet.Status?.Replicas ?? 0,
        replicaSet.Status?.AvailableReplicas ?? 0,
        replicaSet.Status?.ReadyReplicas ?? 0,
        replicaSet.Metadata.Annotations?.TryGetValue(RevisionHistory.Annotation, out var revision) == true
            && long.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
        replicaSet.Metadata.CreationTimestamp,
        replicaSet.Metadata.DeletionTimestamp is not null,
        (replicaSet.Status?.ObservedGeneration ?? 0) >= (replicaSet.Metadata.Generation ?? 0),
        replicaSet.Metadata.Annotations?.TryGetValue(EphemeralMetadata.Annotation, out var injected) == true ? injected : null,
        replicaSet.Metadata.Annotations?.TryGetValue(ScaleDownDeadline.Annotation, out var deadline) == true ? deadline : null);

    private static ObservedAnalysisRun ObserveRun(AnalysisRun run) => new(
        run.Metadata.Name!,
        Labels.Value(run.Metadata.Labels, RolloutLabels.PodTemplateHash) ?? "",
        Labels.Value(run.Metadata.Labels, RolloutLabels.RolloutType) ?? "",
        int.TryParse(Labels.Value(run.Metadata.Labels, RolloutLabels.StepIndex), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : null,
        run.Status?.Phase ?? "",
        run.Status?.Message,
        run.Spec.Terminate == true,
        run.Metadata.CreationTimestamp);

    /// <returns>What could not be done, by object name, for the machine to decide on.</returns>
    private async Task<Dictionary<string, string>> ExecuteAsync(Rollout rollout, IReadOnlyList<RolloutIntent> intents, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var @namespace = rollout.Metadata.Namespace ?? "";
        var name = rollout.Metadata.Name ?? "";
        foreach (var intent in intents)
        {
            switch (intent)
            {
                case CreateReplicaSet create:
                    var created = await replicaSetSync.EnsureAsync(rollout, create, RolloutStatusCalculator.PodSelector(rollout), cancellationToken);
                    logger.Created(@namespace, name, "ReplicaSet", created.Metadata.Name!);
                    break;
                case ScaleReplicaSet scale:
                    await replicaSetSync.ScaleAsync(@namespace, scale.Name, scale.To, cancellationToken);
                    logger.Scaled(@namespace, name, scale.Name, scale.From, scale.To);
                    await RecordAsync(rollout, new RolloutEvent(false, "ScalingReplicaSet", $"Scaled ReplicaSet {scale.Name} from {scale.From} to {scale.To}"), cancellationToken);
                    break;
                case SetReplicaSetRevision revision:
                    await replicaSetSync.SetRevisionAsync(@namespace, revision.Name, revision.Revision, cancellationToken);
                    break;
                case SetRolloutRevision rolloutRevision:
                    await SetRolloutRevisionAsync(rollout, rolloutRevision.Revision, cancellationToken);
                    break;
                case DeleteReplicaSet delete:
                    await replicaSetSync.DeleteAsync(@namespace, delete.Name, cancellationToken);
                    break;
                case CreateAnalysisRun run:
                    await CreateRunAsync(run.Name, () => analysisRuns.CreateAsync(rollout, run.PodHash, run.Name, run.StepIndex, cancellationToken));
                    break;
                case CreatePromotionAnalysisRun promotionRun:
                    await CreateRunAsync(promotionRun.Name, () => analysisRuns.CreatePromotionAsync(rollout, promotionRun.PodHash, promotionRun.Name, promotionRun.PostPromotion, cancellationToken));
                    break;
                case SetScaleDownDeadline deadline:
                    await replicaSetSync.SetScaleDownDeadlineAsync(@namespace, deadline.Name, deadline.Deadline, cancellationToken);
                    break;
                case TerminateAnalysisRun terminate:
                    await analysisRuns.TerminateAsync(@namespace, terminate.Name, cancellationToken);
                    break;
                case DeleteAnalysisRun deleteRun:
                    await analysisRuns.DeleteAsync(@namespace, deleteRun.Name, cancellationToken);
                    break;
                case PointService point:
                    var (found, previous) = await serviceSync.PointAtAsync(@namespace, point.ServiceName, point.PodHash, cancellationToken);
                    if (!found)
                    {
                        problems[RolloutObservation.ServiceKey(point.ServiceName)] = $"service \"{point.ServiceName}\" not found";
                    }
                    else if (previous is not null && rollout.Spec.Strategy?.BlueGreen is not null)
                    {
                        await RecordAsync(rollout, new RolloutEvent(false, "SwitchService", $"Switched selector for service '{point.ServiceName}' from '{previous}' to '{point.PodHash}'"), cancellationToken);
                    }

                    break;
                case SetCanaryWeight or RouteHeaders or RouteMirror or RemoveManagedRoutes or UpdateRouteHashes:
                    if (await RouteAsync(rollout, intent, cancellationToken) is { } failure)
                    {
                        // Nothing after a routing write may happen without it (an abort scales the canary down only once routed away).
                        problems[RolloutObservation.TrafficRoutingKey] = failure;
                        return problems;
                    }

                    break;
                case SyncPodMetadata metadata:
                    await pods.SyncMetadataAsync(rollout, metadata, cancellationToken);
                    break;
                case EvictPod evict:
                    await pods.DeleteAsync(@namespace, evict.Name, cancellationToken);
                    break;
            }
        }

        return problems;

        // A template that cannot be turned into a run (a bad argument, say) is a problem for the machine, not an error.
        async Task CreateRunAsync(string runName, Func<Task> create)
        {
            try
            {
                await create();
                logger.Created(@namespace, name, "AnalysisRun", runName);
            }
            catch (FormatException exception)
            {
                problems[runName] = exception.Message;
            }
        }
    }

    private Task<string?> RouteAsync(Rollout rollout, RolloutIntent intent, CancellationToken cancellationToken)
    {
        Task Record(RolloutEvent planned, CancellationToken token) => RecordAsync(rollout, planned, token);
        return intent switch
        {
            SetCanaryWeight weight => trafficRouting.SetWeightAsync(rollout, weight.Weight, Record, cancellationToken),
            RouteHeaders headers => trafficRouting.SetHeaderRouteAsync(rollout, headers.Route, Record, cancellationToken),
            RouteMirror mirror => trafficRouting.SetMirrorRouteAsync(rollout, mirror.Route, Record, cancellationToken),
            UpdateRouteHashes hashes => trafficRouting.UpdateHashAsync(rollout, hashes.CanaryHash, hashes.StableHash, Record, cancellationToken),
            _ => trafficRouting.RemoveManagedRoutesAsync(rollout, Record, cancellationToken),
        };
    }

    private async Task SetRolloutRevisionAsync(Rollout rollout, long revision, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RevisionHistory.Annotation] = revision.ToString(CultureInfo.InvariantCulture) } },
        };
        var patched = await client.PatchAsync<Rollout>(rollout.Metadata.Name!, rollout.Metadata.Namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
        // The status write that follows must carry the version this patch produced.
        rollout.Metadata.ResourceVersion = patched.Metadata.ResourceVersion;
        rollout.Metadata.Annotations = patched.Metadata.Annotations;
    }

    private async Task<Rollout> WriteStatusAsync(Rollout rollout, RolloutObservation observation, RolloutDecision decision, CancellationToken cancellationToken)
    {
        var before = observation.Rollout.Status;
        var status = decision.Status;
        meter.ReportRollout(rollout.Metadata.Namespace ?? "", rollout.Metadata.Name ?? "", status.Phase ?? "", status.CurrentStepIndex ?? 0, status.Canary?.Weights?.Canary.Weight ?? 0);
        if (before is not null
            && JsonSerializer.Serialize(before, RolloutsJsonContext.Default.RolloutStatus) == JsonSerializer.Serialize(status, RolloutsJsonContext.Default.RolloutStatus))
        {
            return rollout;
        }

        var stored = before;
        rollout.Status = status;
        var written = await client.UpdateStatusAsync(rollout, cancellationToken: cancellationToken);
        foreach (var planned in RolloutEventPlanner.Plan(stored, status, decision.Steps, decision.AbortDetail))
        {
            await RecordAsync(rollout, planned, cancellationToken);
        }

        return written;
    }

    private async Task RecordAsync(Rollout rollout, RolloutEvent planned, CancellationToken cancellationToken)
    {
        var @namespace = rollout.Metadata.Namespace ?? "";
        var name = rollout.Metadata.Name ?? "";
        logger.Event(@namespace, name, planned.Reason, planned.Message);
        try
        {
            await eventRecorder.RecordAsync(rollout, planned.IsWarning ? EventType.Warning : EventType.Normal, planned.Reason, planned.Message, cancellationToken);
        }
        catch (KubernetesException exception)
        {
            logger.EventFailed(@namespace, name, planned.Reason, exception);
        }
    }
}
