using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Builder;
using Tollgate.Shared.Operator.Informers;

namespace Tollgate.Rollouts.Controllers;

/// <summary>
/// The informer caches the controllers read instead of calling the API: ReplicaSets, AnalysisRuns, templates, the
/// Deployments a workloadRef names and the selectors of Services.
/// </summary>
public sealed class RolloutCaches(SharedInformerFactory informers, OperatorOptions options)
{
    private readonly ISharedInformer<CachedReplicaSet> replicaSets = informers.GetInformer<CachedReplicaSet>(options.Namespace);
    private readonly ISharedInformer<AnalysisRun> analysisRuns = informers.GetInformer<AnalysisRun>(options.Namespace);
    private readonly ISharedInformer<AnalysisTemplate> templates = informers.GetInformer<AnalysisTemplate>(options.Namespace);
    private readonly ISharedInformer<ClusterAnalysisTemplate> clusterTemplates = informers.GetInformer<ClusterAnalysisTemplate>();
    private readonly ISharedInformer<V1Deployment> deployments = informers.GetInformer<V1Deployment>(options.Namespace);
    private readonly ISharedInformer<Rollout> rollouts = informers.GetInformer<Rollout>(options.Namespace);
    private readonly ISharedInformer<CachedService> services = informers.GetInformer<CachedService>(options.Namespace);

    public IIndexedCache<CachedReplicaSet> ReplicaSets => replicaSets.Cache;

    public IIndexedCache<AnalysisRun> AnalysisRuns => analysisRuns.Cache;

    public IIndexedCache<AnalysisTemplate> Templates => templates.Cache;

    public IIndexedCache<ClusterAnalysisTemplate> ClusterTemplates => clusterTemplates.Cache;

    public IIndexedCache<V1Deployment> Deployments => deployments.Cache;

    public IIndexedCache<Rollout> Rollouts => rollouts.Cache;

    public IIndexedCache<CachedService> Services => services.Cache;

    /// <summary>Deployment changes, for <see cref="WorkloadGenerations"/>.</summary>
    public ISharedInformer<V1Deployment> DeploymentInformer => deployments;

    /// <summary>Returns at once after the first call: the informers keep their caches from then on.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.WhenAll(
        replicaSets.WaitForCacheSyncAsync(cancellationToken),
        analysisRuns.WaitForCacheSyncAsync(cancellationToken),
        templates.WaitForCacheSyncAsync(cancellationToken),
        clusterTemplates.WaitForCacheSyncAsync(cancellationToken),
        deployments.WaitForCacheSyncAsync(cancellationToken),
        services.WaitForCacheSyncAsync(cancellationToken));
}
