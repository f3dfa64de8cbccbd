using Tollgate.KubectlPlugin;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Tests.KubectlPlugin;

public sealed class RolloutViewTests
{
    [Fact]
    public void Render_PausedCanary_MarksCurrentStepAndRoles()
    {
        var rollout = new Rollout
        {
            Metadata = new V1ObjectMeta { Name = "web-app", Namespace = "prod" },
            Spec = new RolloutSpec
            {
                Replicas = 10,
                Strategy = new RolloutStrategy { Canary = new CanaryStrategy { Steps = [new() { SetWeight = 10 }, new() { Pause = new RolloutPause { Duration = "5m" } }] } },
            },
            Status = new RolloutStatus
            {
                Phase = "Paused",
                CurrentStepIndex = 1,
                CurrentPodHash = "new",
                StableRS = "old",
                Canary = new CanaryStatus { Weights = new TrafficWeights { Canary = new WeightDestination { Weight = 10 }, Stable = new WeightDestination { Weight = 90 } } },
            },
        };
        V1ReplicaSet[] replicaSets =
        [
            new() { Metadata = new V1ObjectMeta { Name = "web-app-old", Labels = new Dictionary<string, string> { ["rollouts-pod-template-hash"] = "old" } }, Spec = new V1ReplicaSetSpec { Replicas = 9 }, Status = new V1ReplicaSetStatus { Replicas = 9, ReadyReplicas = 9, AvailableReplicas = 9 } },
            new() { Metadata = new V1ObjectMeta { Name = "web-app-new", Labels = new Dictionary<string, string> { ["rollouts-pod-template-hash"] = "new" } }, Spec = new V1ReplicaSetSpec { Replicas = 1 }, Status = new V1ReplicaSetStatus { Replicas = 1, ReadyReplicas = 1, AvailableReplicas = 1 } },
        ];

        var text = RolloutView.Render(rollout, replicaSets, []);

        Assert.Contains("✔  1. setWeight: 10", text, StringComparison.Ordinal);
        Assert.Contains("→  2. pause: 5m", text, StringComparison.Ordinal);
        Assert.Matches(@"web-app-old\s+stable\s+9\s+9\s+9\s+9", text);
        Assert.Matches(@"web-app-new\s+canary\s+1\s+1\s+1\s+1", text);
        Assert.Matches(@"SetWeight:\s+10\n", text);
    }

    [Theory]
    [InlineData("new", "new", 0, 100)]
    [InlineData("old", "new", 30, 30)]
    [InlineData(null, "new", 0, 0)]
    public void Render_Weights_SetWeightOfTheCurrentRevision(string? stable, string current, int statusWeight, int shown)
    {
        var rollout = new Rollout
        {
            Metadata = new V1ObjectMeta { Name = "web-app", Namespace = "prod" },
            Spec = new RolloutSpec { Replicas = 10, Strategy = new RolloutStrategy { Canary = new CanaryStrategy { Steps = [new() { SetWeight = 30 }] } } },
            Status = new RolloutStatus
            {
                Phase = "Healthy",
                CurrentStepIndex = 1,
                CurrentPodHash = current,
                StableRS = stable,
                Canary = new CanaryStatus { Weights = new TrafficWeights { Canary = new WeightDestination { Weight = statusWeight }, Stable = new WeightDestination { Weight = 100 - statusWeight } } },
            },
        };

        var text = RolloutView.Render(rollout, [], []);

        Assert.Matches($@"SetWeight:\s+{shown}\n", text);
    }
}
