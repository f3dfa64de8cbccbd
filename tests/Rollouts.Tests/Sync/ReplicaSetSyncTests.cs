using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Tests.Sync;

public sealed class ReplicaSetSyncTests
{
    private static Rollout SeedRollout() => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-app", Namespace = "prod", Uid = "u-1" },
        Spec = new RolloutSpec
        {
            Replicas = 10,
            Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "myapp:v2.0" }] } },
        },
    };

    [Fact]
    public void Build_RolloutWithoutSelector_SelectsPodsByRolloutLabelAndHash()
    {
        var selector = new Dictionary<string, string> { [RolloutLabels.RolloutName] = "web-app" };

        var replicaSet = ReplicaSetSync.Build(SeedRollout(), "abc", selector, 0);

        Assert.Equal("web-app-abc", replicaSet.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { [RolloutLabels.RolloutName] = "web-app", [RolloutLabels.PodTemplateHash] = "abc" }, replicaSet.Spec!.Selector.MatchLabels);
        Assert.Equal(replicaSet.Spec.Selector.MatchLabels, replicaSet.Spec.Template!.Metadata!.Labels);
        Assert.Equal("abc", replicaSet.Metadata.Labels![RolloutLabels.PodTemplateHash]);
        var owner = Assert.Single(replicaSet.Metadata.OwnerReferences!);
        Assert.Equal(("Rollout", "argoproj.io/v1alpha1", "u-1", true), (owner.Kind, owner.ApiVersion, owner.Uid, owner.Controller == true));
    }

    [Fact]
    public void Build_Rollout_LeavesTheRolloutsTemplateUntouched()
    {
        var rollout = SeedRollout();

        ReplicaSetSync.Build(rollout, "abc", new Dictionary<string, string> { ["app"] = "web" }, 3);

        Assert.Null(rollout.Spec.Template!.Metadata);
        Assert.Null(rollout.Spec.Selector);
    }
}
