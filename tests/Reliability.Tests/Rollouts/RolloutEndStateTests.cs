using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Reliability.Tests.Rollouts;

public sealed class RolloutEndStateTests
{
    [Fact]
    public void Of_FinishedCanary_ImagesInsteadOfHashesAndSortedLines()
    {
        var rollout = new Rollout
        {
            Metadata = new V1ObjectMeta { Name = "web-app" },
            Status = new RolloutStatus
            {
                Phase = "Healthy", CurrentStepIndex = 7, StableRS = "h2", CurrentPodHash = "h2", Replicas = 4, UpdatedReplicas = 4, ReadyReplicas = 4, AvailableReplicas = 4,
                Conditions = [new RolloutCondition { Type = "Progressing", Status = "True", Reason = "NewReplicaSetAvailable" }, new RolloutCondition { Type = "Available", Status = "True", Reason = "AvailableReason" }],
            },
        };
        V1ReplicaSet[] sets = [ReplicaSet("h2", "web:v2", 4, 4), ReplicaSet("h1", "web:v1", 0, 0)];
        var run = new AnalysisRun
        {
            Metadata = new V1ObjectMeta { Name = "web-app-h2-3", Labels = new Dictionary<string, string> { ["rollouts-pod-template-hash"] = "h2", ["rollout-type"] = "Step", ["step-index"] = "3" } },
            Status = new AnalysisRunStatus { Phase = "Successful" },
        };

        var lines = RolloutEndState.Of(rollout, sets, [run]);

        Assert.Equal(
            [
                "phase Healthy, abort False, step 7, stable web:v2, current web:v2",
                "replicas 4, updated 4, ready 4, available 4",
                "pause conditions 0, canary weight ",
                "condition Available True AvailableReason",
                "condition Progressing True NewReplicaSetAvailable",
                "replicaset web:v1 replicas 0 available 0",
                "replicaset web:v2 replicas 4 available 4",
                "analysisrun web:v2 Step step 3 Successful",
            ],
            lines);
    }

    private static V1ReplicaSet ReplicaSet(string hash, string image, int replicas, int available) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"web-app-{hash}", Labels = new Dictionary<string, string> { ["rollouts-pod-template-hash"] = hash } },
        Spec = new V1ReplicaSetSpec { Replicas = replicas, Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }] } } },
        Status = new V1ReplicaSetStatus { AvailableReplicas = available },
    };
}
