using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Model = Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Strategy;

/// <summary>
/// Whole updates driven through the machine against a simulated ReplicaSet controller (pods appear at once and become
/// available one decision later; pods of a shrunk ReplicaSet go at once). Every pause is promoted as soon as it is
/// reached. After every decision: never more pods than spec.replicas + maxSurge, never fewer available than
/// spec.replicas - maxUnavailable; at the end the new ReplicaSet is stable with all pods and every other one is empty.
/// </summary>
public sealed class CanaryConvergenceTests
{
    private static readonly string[][] StepShapes =
    [
        ["w10", "p", "w30", "p", "w50", "p", "w100"],
        ["w25", "p", "w75", "p"],
        ["w1", "p", "w99", "p"],
        [],
    ];

    private static readonly (string? Surge, string? Unavailable)[] Limits = [(null, null), ("1", "0"), ("0", "1"), ("50%", "0"), ("3", "2")];

    public static TheoryData<int, int, int, bool> Cases()
    {
        var data = new TheoryData<int, int, int, bool>();
        foreach (var replicas in new[] { 1, 2, 3, 5, 10, 20 })
        {
            for (var shape = 0; shape < StepShapes.Length; shape++)
            {
                for (var limit = 0; limit < Limits.Length; limit++)
                {
                    data.Add(replicas, shape, limit, false);
                }

                data.Add(replicas, shape, 0, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_WholeUpdate_StaysWithinSurgeAndAvailabilityAndCompletes(int replicas, int shape, int limit, bool interruptedByNewerTemplate)
    {
        var (surge, unavailable) = Limits[limit];
        var rollout = NewRollout(replicas, StepShapes[shape], surge, unavailable);
        var resolved = ScalingLimits.Resolve(replicas, Parse(surge), Parse(unavailable));
        var cluster = new List<SimulatedReplicaSet> { new("web-v1", "v1", replicas, replicas, replicas, 1, Start) };
        rollout.Status = new RolloutStatus { StableRS = "v1", CurrentPodHash = "v1", CurrentStepHash = "s", CurrentStepIndex = StepShapes[shape].Length };
        var hash = "v2";
        var now = Start;
        for (var decision = 0; decision < 400; decision++)
        {
            now = now.AddSeconds(1);
            if (interruptedByNewerTemplate && hash == "v2" && rollout.Status.CurrentStepIndex >= 2 && cluster.Any(rs => rs.Hash == "v2" && rs.Spec > 0))
            {
                hash = "v3";
            }

            var observation = new RolloutObservation(rollout, hash, "s", [.. cluster.Select(rs => rs.Observe())], [], now);
            var result = CanaryStateMachine.Decide(observation);
            Apply(cluster, result.Intents, now);
            var pods = cluster.Sum(rs => rs.Pods);
            var available = cluster.Sum(rs => rs.Available);
            Assert.True(pods <= replicas + resolved.MaxSurge, $"decision {decision}: {pods} pods > {replicas} + {resolved.MaxSurge}: {Describe(cluster)}");
            Assert.True(available >= replicas - resolved.MaxUnavailable, $"decision {decision}: {available} available < {replicas} - {resolved.MaxUnavailable}: {Describe(cluster)}");
            foreach (var replicaSet in cluster)
            {
                replicaSet.Available = replicaSet.Pods;
            }

            rollout.Status = result.Status;
            if (rollout.Status.PauseConditions is { Count: > 0 })
            {
                rollout.Status.PauseConditions = null;
            }

            if (rollout.Status.StableRS == hash && cluster.All(rs => rs.Hash == hash ? rs.Available == replicas && rs.Spec == replicas : rs.Pods == 0))
            {
                Assert.Equal(nameof(RolloutPhase.Healthy), CanaryStateMachine.Decide(new RolloutObservation(rollout, hash, "s", [.. cluster.Select(rs => rs.Observe())], [], now)).Status.Phase);
                return;
            }
        }

        Assert.Fail($"no convergence after 400 decisions: {Describe(cluster)}; status step {rollout.Status.CurrentStepIndex}, stable {rollout.Status.StableRS}");
    }

    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static void Apply(List<SimulatedReplicaSet> cluster, IReadOnlyList<RolloutIntent> intents, DateTimeOffset now)
    {
        foreach (var intent in intents)
        {
            switch (intent)
            {
                case CreateReplicaSet create:
                    cluster.Add(new SimulatedReplicaSet($"web-{create.PodHash}", create.PodHash, create.Replicas, create.Replicas, 0, create.Revision, now));
                    break;
                case ScaleReplicaSet scale:
                    var target = cluster.Single(rs => rs.Name == scale.Name);
                    target.Spec = scale.To;
                    target.Pods = scale.To;
                    target.Available = Math.Min(target.Available, scale.To);
                    break;
                case SetReplicaSetRevision revision:
                    cluster.Single(rs => rs.Name == revision.Name).Revision = revision.Revision;
                    break;
            }
        }
    }

    private static string Describe(IEnumerable<SimulatedReplicaSet> cluster) =>
        string.Join(", ", cluster.Select(rs => $"{rs.Hash} spec {rs.Spec} pods {rs.Pods} available {rs.Available}"));

    private static IntOrPercent? Parse(string? text) => text is null ? null : text.EndsWith('%') ? IntOrPercent.Parse(text) : IntOrPercent.FromInt(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    private static Rollout NewRollout(int replicas, string[] steps, string? surge, string? unavailable) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", Namespace = "shop", Generation = 1 },
        Spec = new RolloutSpec
        {
            Replicas = replicas,
            Strategy = new RolloutStrategy
            {
                Canary = new CanaryStrategy
                {
                    MaxSurge = surge is null ? (IntOrString?)null : ToIntOrString(surge),
                    MaxUnavailable = unavailable is null ? (IntOrString?)null : ToIntOrString(unavailable),
                    Steps = [.. steps.Select(s => s == "p" ? new Model.CanaryStep { Pause = new RolloutPause() } : new Model.CanaryStep { SetWeight = int.Parse(s[1..], System.Globalization.CultureInfo.InvariantCulture) })],
                },
            },
        },
    };

    private static IntOrString ToIntOrString(string text) => int.TryParse(text, out var number) ? new IntOrString(number) : new IntOrString(text);

    private sealed class SimulatedReplicaSet(string name, string hash, int spec, int pods, int available, long revision, DateTimeOffset created)
    {
        public string Name { get; } = name;

        public string Hash { get; } = hash;

        public int Spec { get; set; } = spec;

        public int Pods { get; set; } = pods;

        public int Available { get; set; } = available;

        public long Revision { get; set; } = revision;

        public ObservedReplicaSet Observe() => new(Name, Hash, Spec, Pods, Available, Available, Revision, created);
    }
}
