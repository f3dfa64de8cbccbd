using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Builder;
using Tollgate.Shared.Operator.Informers;

namespace Tollgate.Rollouts.Controllers;

/// <summary>The informer caches the controllers read instead of calling the API: ReplicaSets, AnalysisRuns and templates.</summary>
public sealed class RolloutCaches(SharedInformerFactory informers, OperatorOptions options)
{
    private readonly ISharedInformer<V1ReplicaSet> replicaSets = informers.GetInformer<V1ReplicaSet>(options.Namespace);
    private readonly ISharedInformer<AnalysisRun> analysisRuns = informers.GetInformer<AnalysisRun>(options.Namespace);
    private readonly ISharedInformer<AnalysisTemplate> templates = informers.GetInformer<AnalysisTemplate>(options.Namespace);
    private readonly ISharedInformer<ClusterAnalysisTemplate> clusterTemplates = informers.GetInformer<ClusterAnalysisTemplate>();

    public IIndexedCache<V1ReplicaSet> ReplicaSets => replicaSets.Cache;

    public IIndexedCache<AnalysisRun> AnalysisRuns => analysisRuns.Cache;

    public IIndexedCache<AnalysisTemplate> Templates => templates.Cache;

    public IIndexedCache<ClusterAnalysisTemplate> ClusterTemplates => clusterTemplates.Cache;

    /// <summary>Returns at once after the first call: the informers keep their caches from then on.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.WhenAll(
        replicaSets.WaitForCacheSyncAsync(cancellationToken),
        analysisRuns.WaitForCacheSyncAsync(cancellationToken),
        templates.WaitForCacheSyncAsync(cancellationToken),
        clusterTemplates.WaitForCacheSyncAsync(cancellationToken));
}
