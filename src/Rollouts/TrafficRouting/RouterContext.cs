using Tollgate.Rollouts.Status;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;

namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>What every router needs: the Rollout, the client, and a way to record an event on the Rollout.</summary>
public sealed record RouterContext(Rollout Rollout, IKubernetesClient Client, Func<RolloutEvent, CancellationToken, Task> Record)
{
    public string Namespace => Rollout.Metadata.Namespace ?? "";

    public string Name => Rollout.Metadata.Name ?? "";

    public string CanaryService => Rollout.Spec.Strategy?.Canary?.CanaryService ?? "";

    public string StableService => Rollout.Spec.Strategy?.Canary?.StableService ?? "";
}
