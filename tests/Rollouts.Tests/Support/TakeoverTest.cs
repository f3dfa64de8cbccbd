using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Support;

/// <summary>
/// Base for Tollgate starting on what Argo Rollouts left behind: the test writes the objects as Argo would
/// (<see cref="ArgoLeftovers"/>), with no controller running, lets the real ReplicaSet controller make the pods, then
/// starts Tollgate and counts the pods by uid.
/// </summary>
public abstract class TakeoverTest(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    /// <summary>Argo's objects are written first; Tollgate starts in <see cref="TakeOverAsync"/>.</summary>
    protected override bool StartsControllerFirst => false;

    protected async Task<Rollout> ArgoRolloutAsync(string yaml)
    {
        await ApplyAsync(yaml);
        return (await GetRolloutAsync(ArgoLeftovers.Name))!;
    }

    protected Task<V1ReplicaSet> ArgoReplicaSetAsync(Rollout owner, int version, string hash, int revision, int replicas) =>
        Client.CreateAsync(ArgoLeftovers.ReplicaSet(owner, version, hash, revision, replicas));

    /// <summary>Waits for the ReplicaSet controller's pods to be available, writes Argo's status, and returns the pods' uids.</summary>
    protected async Task<HashSet<string>> ArgoStatusAsync(JsonObject status)
    {
        await TestControlPlane.WaitUntilAsync("Argo's pods available", async token =>
        {
            var replicaSets = (await Client.ListAsync<V1ReplicaSet>(Namespace, cancellationToken: token)).Items;
            return replicaSets.All(rs => (rs.Status?.AvailableReplicas ?? 0) == SpecReplicas(rs) && (rs.Status?.Replicas ?? 0) == SpecReplicas(rs));
        }, TimeSpan.FromSeconds(60));
        await PatchStatusAsync(ArgoLeftovers.Name, status);
        return await PodUidsAsync();
    }

    /// <summary>
    /// Starts Tollgate, then changes nothing but spec.revisionHistoryLimit (to Argo's default) so that
    /// status.observedGeneration shows when Tollgate has reconciled; the pods must be exactly Argo's.
    /// </summary>
    protected async Task<Rollout> TakeOverAsync(HashSet<string> argoPods)
    {
        var taken = await StartTollgateAsync();
        Assert.Equal(argoPods, await PodUidsAsync());
        return taken;
    }

    /// <summary><see cref="TakeOverAsync"/> for a takeover that may rightly scale something down at once.</summary>
    protected async Task<Rollout> StartTollgateAsync()
    {
        Controller = StartController();
        await PatchSpecAsync(ArgoLeftovers.Name, new JsonObject { ["revisionHistoryLimit"] = 10 });
        return await WaitForRolloutAsync(ArgoLeftovers.Name, "reconciled by Tollgate", r => r.Status?.ObservedGeneration == "2");
    }

    /// <summary>The uids of the pods that are not being deleted.</summary>
    protected async Task<HashSet<string>> PodUidsAsync() =>
        [.. (await Client.ListAsync<V1Pod>(Namespace)).Items.Where(p => p.Metadata.DeletionTimestamp is null).Select(p => p.Metadata.Uid!)];

    /// <summary>The uids of the pods one ReplicaSet owns.</summary>
    protected async Task<HashSet<string>> PodUidsAsync(V1ReplicaSet owner) =>
        [.. (await Client.ListAsync<V1Pod>(Namespace)).Items
            .Where(p => p.Metadata.DeletionTimestamp is null && p.Metadata.OwnerReferences?.Any(o => o.Uid == owner.Metadata.Uid) == true)
            .Select(p => p.Metadata.Uid!)];
}
