using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.Validation;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Operator.LeaderElection;

namespace Tollgate.Rollouts.Controllers;

/// <summary>
/// As Argo's templateref.go: a change of a Deployment puts its generation in the rollout.argoproj.io/workload-generation
/// annotation of every Rollout whose workloadRef names it, and that change of the Rollout reconciles it. Only the
/// leader stamps: a standby's client refuses writes (the leader write fence), and its reconcile stamps anyway.
/// </summary>
public sealed class WorkloadGenerations : IInformerEventHandler<V1Deployment>
{
    public const string Annotation = "rollout.argoproj.io/workload-generation";

    private readonly IKubernetesClient client;
    private readonly RolloutCaches caches;
    private readonly ILogger<WorkloadGenerations> logger;
    private readonly LeaderElector? elector;

    public WorkloadGenerations(IKubernetesClient client, RolloutCaches caches, ILogger<WorkloadGenerations> logger, LeaderElector? elector = null)
    {
        ArgumentNullException.ThrowIfNull(caches);
        this.client = client;
        this.caches = caches;
        this.logger = logger;
        this.elector = elector;
        caches.DeploymentInformer.AddEventHandler(this);
    }

    public void OnAdd(V1Deployment entity) => Stamp(entity);

    public void OnUpdate(V1Deployment oldEntity, V1Deployment newEntity) => Stamp(newEntity);

    public void OnDelete(V1Deployment entity) => Stamp(entity);

    private void Stamp(V1Deployment deployment)
    {
        if (elector is { IsLeader: false })
        {
            return;
        }

        var generation = (deployment.Metadata.Generation ?? 0).ToString(CultureInfo.InvariantCulture);
        foreach (var rollout in caches.Rollouts.List(deployment.Metadata.Namespace))
        {
            if (WorkloadReference.Parse(rollout.Spec.WorkloadRef) is { IsDeployment: true } reference
                && reference.Name == deployment.Metadata.Name
                && (rollout.Metadata.Annotations?.TryGetValue(Annotation, out var current) == true ? current : null) != generation)
            {
                _ = PatchAsync(rollout.Metadata.Namespace ?? "", rollout.Metadata.Name ?? "", generation);
            }
        }
    }

    /// <summary>
    /// Level-based: a Rollout created after its Deployment sees no Deployment event, so its own reconcile stamps the
    /// generation when the annotation does not carry it yet.
    /// </summary>
    public Task StampAsync(Rollout rollout, long deploymentGeneration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var generation = deploymentGeneration.ToString(CultureInfo.InvariantCulture);
        return (rollout.Metadata.Annotations?.TryGetValue(Annotation, out var current) == true ? current : null) == generation
            ? Task.CompletedTask
            : PatchAsync(rollout.Metadata.Namespace ?? "", rollout.Metadata.Name ?? "", generation, cancellationToken);
    }

    private async Task PatchAsync(string @namespace, string name, string generation, CancellationToken cancellationToken = default)
    {
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [Annotation] = generation } } };
        try
        {
            await client.PatchAsync<Rollout>(name, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is KubernetesException or HttpRequestException or TaskCanceledException)
        {
            logger.WorkloadGenerationFailed(@namespace, name, exception);
        }
    }
}
