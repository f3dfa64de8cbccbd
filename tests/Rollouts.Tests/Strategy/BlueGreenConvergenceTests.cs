using System.Globalization;
using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Tests.Strategy;

/// <summary>
/// Whole blue-green updates driven through the machine against a simulated ReplicaSet controller and two Services
/// (pods appear at once and become available one decision later; one second passes per decision). A pause is
/// promoted as soon as it is reached, except with autoPromotionSeconds, which ends it by itself. After every decision: the active Service only ever selects a ReplicaSet with
/// spec.replicas available pods, and no ReplicaSet the active Service left is scaled down before its deadline; at the
/// end both Services select the new stable ReplicaSet and every other one is empty.
/// </summary>
public sealed class BlueGreenConvergenceTests
{
    private const string Active = "active";
    private const string Preview = "preview";
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, int?, string, int?, bool> Cases()
    {
        var data = new TheoryData<int, int?, string, int?, bool>();
        foreach (var replicas in new[] { 1, 3, 5 })
        {
            foreach (var preview in new int?[] { null, 1 })
            {
                foreach (var promotion in new[] { "auto", "manual", "seconds" })
                {
                    foreach (var delay in new int?[] { null, 0, 5 })
                    {
                        data.Add(replicas, preview, promotion, delay, false);
                    }

                    data.Add(replicas, preview, promotion, null, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_WholeUpdate_ActiveAlwaysServedAndOldPodsKeptUntilTheirDeadline(int replicas, int? previewReplicaCount, string promotion, int? scaleDownDelay, bool interruptedByNewerTemplate)
    {
        var rollout = NewRollout(replicas, previewReplicaCount, promotion, scaleDownDelay);
        var cluster = new List<SimulatedReplicaSet> { new("web-v1", "v1", replicas, replicas, 1, Start) };
        var selectors = new Dictionary<string, string?>(StringComparer.Ordinal) { [Active] = "v1", [Preview] = "v1" };
        rollout.Status = new RolloutStatus { StableRS = "v1", CurrentPodHash = "v1", BlueGreen = new BlueGreenStatus { ActiveSelector = "v1", PreviewSelector = "v1" } };
        var hash = "v2";
        var now = Start;
        for (var decision = 0; decision < 300; decision++)
        {
            now = now.AddSeconds(1);
            if (interruptedByNewerTemplate && hash == "v2" && cluster.Any(rs => rs.Hash == "v2" && rs.Available > 0))
            {
                hash = "v3";
            }

            var observation = new RolloutObservation(rollout, hash, "s", [.. cluster.Select(rs => rs.Observe())], [], now) { ServiceSelectors = new Dictionary<string, string?>(selectors) };
            var result = RolloutStateMachine.Decide(observation);
            Apply(cluster, selectors, result.Intents, now);

            var served = cluster.Single(rs => rs.Hash == selectors[Active]);
            Assert.True(served.Available == replicas, $"decision {decision}: the active Service selects {served.Hash} with {served.Available} available pods: {Describe(cluster)}");
            foreach (var replicaSet in cluster)
            {
                replicaSet.Available = replicaSet.Spec;
            }

            rollout.Status = result.Status;
            // With autoPromotionSeconds the wait ends by itself (a promote would restart it, as in Argo).
            if (rollout.Status.PauseConditions is { Count: > 0 } && promotion != "seconds")
            {
                rollout.Status.PauseConditions = null;
            }

            if (rollout.Status.StableRS == hash && selectors[Active] == hash && selectors[Preview] == hash
                && cluster.All(rs => rs.Hash == hash ? rs.Available == replicas && rs.Spec == replicas : rs.Spec == 0))
            {
                Assert.Equal(nameof(RolloutPhase.Healthy), result.Status.Phase);
                return;
            }
        }

        Assert.Fail($"no convergence after 300 decisions: {Describe(cluster)}; stable {rollout.Status.StableRS}, active {selectors[Active]}, preview {selectors[Preview]}");
    }

    private static void Apply(List<SimulatedReplicaSet> cluster, Dictionary<string, string?> selectors, IReadOnlyList<RolloutIntent> intents, DateTimeOffset now)
    {
        foreach (var intent in intents)
        {
            switch (intent)
            {
                case CreateReplicaSet create:
                    cluster.Add(new SimulatedReplicaSet($"web-{create.PodHash}", create.PodHash, create.Replicas, 0, create.Revision, now));
                    break;
                case ScaleReplicaSet scale:
                    var target = cluster.Single(rs => rs.Name == scale.Name);
                    if (scale.To < target.Spec && target.Deadline is { } deadline && DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture) > now)
                    {
                        Assert.Fail($"{target.Name} scaled down to {scale.To} before its deadline {deadline} (now {now:O})");
                    }

                    target.Spec = scale.To;
                    target.Available = Math.Min(target.Available, scale.To);
                    break;
                case SetScaleDownDeadline set:
                    cluster.Single(rs => rs.Name == set.Name).Deadline = set.Deadline;
                    break;
                case PointService point:
                    selectors[point.ServiceName] = point.PodHash;
                    break;
            }
        }
    }

    private static string Describe(IEnumerable<SimulatedReplicaSet> cluster) =>
        string.Join(", ", cluster.Select(rs => $"{rs.Hash} spec {rs.Spec} available {rs.Available} deadline {rs.Deadline}"));

    private static Rollout NewRollout(int replicas, int? previewReplicaCount, string promotion, int? scaleDownDelay) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", Namespace = "shop", Generation = 1 },
        Spec = new RolloutSpec
        {
            Replicas = replicas,
            Strategy = new RolloutStrategy
            {
                BlueGreen = new BlueGreenStrategy
                {
                    ActiveService = Active,
                    PreviewService = Preview,
                    PreviewReplicaCount = previewReplicaCount,
                    AutoPromotionEnabled = promotion == "manual" ? false : null,
                    AutoPromotionSeconds = promotion == "seconds" ? 3 : null,
                    ScaleDownDelaySeconds = scaleDownDelay,
                },
            },
        },
    };

    private sealed class SimulatedReplicaSet(string name, string hash, int spec, int available, long revision, DateTimeOffset created)
    {
        public string Name { get; } = name;

        public string Hash { get; } = hash;

        public int Spec { get; set; } = spec;

        public int Available { get; set; } = available;

        public long Revision { get; } = revision;

        public string? Deadline { get; set; }

        public ObservedReplicaSet Observe() => new(Name, Hash, Spec, Spec, Available, Available, Revision, created, ScaleDownDeadline: Deadline);
    }
}
