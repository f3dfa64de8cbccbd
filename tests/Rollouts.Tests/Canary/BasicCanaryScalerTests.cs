using Tollgate.Rollouts.Canary;

namespace Tollgate.Rollouts.Tests.Canary;

public sealed class BasicCanaryScalerTests
{
    // Rows are the basic-canary cases of Argo's TestCalculateReplicaCountsForCanary.
    [Theory]
    [InlineData(10, 100, "3", "0", 7, 8, 6, 3, 0, 6, 7)] // extra available stable pods above spec are not counted
    [InlineData(10, 20, "2", "0", 10, 10, 0, 0, 0, 2, 10)] // surge (int) scales the canary up
    [InlineData(10, 20, "20%", "0", 10, 10, 0, 0, 0, 2, 10)] // surge (percent) scales the canary up
    [InlineData(10, 20, "20%", "0", 10, 10, 2, 2, 0, 2, 8)] // then the extra stable is scaled down
    [InlineData(10, 30, "2", "0", 10, 10, 0, 0, 0, 2, 10)] // never past maxSurge
    [InlineData(10, 20, "0", "2", 10, 10, 0, 0, 0, 0, 8)] // maxUnavailable (int) scales the stable down
    [InlineData(10, 20, "0", "20%", 10, 10, 0, 0, 0, 0, 8)] // maxUnavailable (percent) scales the stable down
    [InlineData(10, 30, "0", "2", 10, 10, 0, 0, 0, 0, 8)] // never past maxUnavailable
    [InlineData(10, 50, "2", "1", 10, 10, 0, 0, 0, 2, 9)] // surge and unavailable together
    [InlineData(10, 0, "1", "1", 10, 10, 1, 1, 0, 0, 10)] // weight 0 removes the canary
    [InlineData(10, 100, "1", "1", 1, 1, 10, 10, 0, 10, 0)] // weight 100 removes the stable
    [InlineData(1, 20, "1", "0", 1, 1, 0, 0, 0, 1, 1)] // non-zero weight never scales the canary to 0
    [InlineData(1, 90, "1", "0", 1, 1, 0, 0, 0, 1, 1)]
    [InlineData(1, 49, "0", "1", 1, 1, 0, 0, 0, 0, 1)] // one replica, no surge: <50% keeps it stable
    [InlineData(1, 51, "0", "1", 1, 1, 0, 0, 0, 0, 0)] // >=50%: stable goes first...
    [InlineData(1, 51, "0", "1", 0, 0, 0, 0, 0, 1, 0)] // ...then the canary comes up
    [InlineData(10, 30, "1", "0", 1, 1, 0, 0, 3, 1, 7)] // stable is scaled up before the canary
    [InlineData(10, 30, "0", "3", 8, 5, 4, 4, 0, 3, 7)] // canary and stable both scaled down
    [InlineData(10, 100, "1", "0", 10, 2, 10, 8, 0, 9, 2)] // unavailable stable pods are drained first
    [InlineData(10, 30, "0", "1", 8, 6, 4, 2, 3, 4, 8)] // older ReplicaSets are drained before anything else
    [InlineData(10, 5, "0", "1", 10, 10, 0, 0, 0, 0, 9)] // uneven weight does not round past maxSurge
    [InlineData(10, 5, "0", "1", 9, 9, 0, 0, 0, 1, 9)]
    [InlineData(10, 10, "0%", "0%", 10, 10, 0, 0, 0, 0, 9)] // both limits 0%: one pod may be unavailable
    [InlineData(4, 100, "1", "0", 4, 1, 0, 0, 0, 1, 4)] // maxSurge honoured while the stable is unavailable
    [InlineData(3, 99, "0", "2", 3, 3, 0, 0, 0, 0, 1)]
    [InlineData(3, 99, "0", "2", 1, 1, 0, 0, 0, 2, 1)]
    [InlineData(4, 100, "1", "0", 4, 1, 1, 1, 0, 1, 3)] // maxUnavailable honoured while the stable is unavailable
    [InlineData(4, 0, "1", "0", 0, 0, 4, 4, 0, 4, 1)] // abort: surge the stable before touching the canary
    [InlineData(4, 0, "1", "0", 1, 0, 4, 4, 0, 4, 1)] // abort: wait for the stable pod to be available
    [InlineData(4, 0, "1", "0", 1, 1, 4, 4, 0, 3, 1)] // abort: then take one canary pod down
    [InlineData(4, 100, "4", "4", 4, 4, 0, 0, 0, 4, 0)] // full promotion ignores the steps
    [InlineData(4, 100, "3", "0", 4, 4, 0, 0, 0, 3, 4)] // full promotion still honours maxSurge
    public void Calculate_ArgoScenario_ReturnsArgoCounts(
        int specReplicas,
        int weight,
        string maxSurge,
        string maxUnavailable,
        int stableReplicas,
        int stableAvailable,
        int canaryReplicas,
        int canaryAvailable,
        int olderReplicas,
        int expectedCanary,
        int expectedStable)
    {
        var input = new BasicCanaryScaleInput(
            specReplicas,
            weight,
            ScalingLimits.Resolve(specReplicas, LimitText.Parse(maxSurge), LimitText.Parse(maxUnavailable)),
            new ReplicaSetCounts(canaryReplicas, canaryAvailable),
            new ReplicaSetCounts(stableReplicas, stableAvailable),
            olderReplicas);

        var counts = BasicCanaryScaler.Calculate(input);

        Assert.Equal(new CanaryReplicaCounts(expectedCanary, expectedStable), counts);
    }

    // Without a distinct stable ReplicaSet (first deployment, or the stable is the new ReplicaSet itself)
    // Argo ignores the weight and drives the new ReplicaSet to spec.replicas.
    [Theory]
    [InlineData(9, 9, 10, 0, 1, 10)]
    [InlineData(0, 0, 30, 3, 2, 10)]
    [InlineData(4, 2, 0, 1, 0, 10)]
    [InlineData(12, 12, 50, 0, 1, 10)]
    public void Calculate_NoDistinctStable_ScalesCanaryToSpecIgnoringWeight(
        int canaryReplicas, int canaryAvailable, int weight, int maxSurge, int maxUnavailable, int expectedCanary)
    {
        var input = new BasicCanaryScaleInput(
            SpecReplicas: 10,
            DesiredWeight: weight,
            new ScalingLimits(maxSurge, maxUnavailable),
            Canary: new ReplicaSetCounts(canaryReplicas, canaryAvailable),
            Stable: null);

        var counts = BasicCanaryScaler.Calculate(input);

        Assert.Equal(new CanaryReplicaCounts(expectedCanary, 0), counts);
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(30, 3)]
    [InlineData(100, 3)]
    public void Calculate_CanaryNotCreatedYet_LeavesCanaryAtZero(int weight, int surge)
    {
        var input = new BasicCanaryScaleInput(
            SpecReplicas: 10,
            DesiredWeight: weight,
            new ScalingLimits(surge, 0),
            Canary: null,
            Stable: new ReplicaSetCounts(10, 10));

        var counts = BasicCanaryScaler.Calculate(input);

        Assert.Equal(new CanaryReplicaCounts(0, 10), counts);
    }

    [Theory]
    [InlineData(1, null, 0, 0, 10, 10, 1, 10)] // explicit replicas: surge the single canary pod...
    [InlineData(1, null, 1, 1, 10, 10, 1, 9)] // ...then give back one stable pod
    [InlineData(null, 50, 0, 0, 10, 10, 2, 10)] // a scale weight replaces the step weight (capped by surge)
    [InlineData(null, 50, 5, 5, 5, 5, 5, 5)]
    public void Calculate_WithCanaryScale_UsesScaleInsteadOfStepWeight(
        int? scaleReplicas,
        int? scaleWeight,
        int canaryReplicas,
        int canaryAvailable,
        int stableReplicas,
        int stableAvailable,
        int expectedCanary,
        int expectedStable)
    {
        var input = new BasicCanaryScaleInput(
            SpecReplicas: 10,
            DesiredWeight: 10,
            new ScalingLimits(2, 0),
            Canary: new ReplicaSetCounts(canaryReplicas, canaryAvailable),
            Stable: new ReplicaSetCounts(stableReplicas, stableAvailable),
            CanaryScale: new SetCanaryScaleStep(scaleReplicas, scaleWeight));

        var counts = BasicCanaryScaler.Calculate(input);

        Assert.Equal(new CanaryReplicaCounts(expectedCanary, expectedStable), counts);
    }

    public static TheoryData<string?, string?> LimitVariants => new()
    {
        { null, null }, // defaults: surge 3, unavailable 2
        { "25%", "25%" },
        { "1", "0" },
        { "3", "0" },
        { "0", "1" },
        { "0", "3" },
        { "1", "1" },
        { "50%", "0" },
        { "0%", "0%" },
        { "10", "10" },
    };

    // Seed case: N=10 through setWeight 10, 30, 50, 100, with pods becoming ready after every reconcile.
    [Theory]
    [MemberData(nameof(LimitVariants))]
    public void Calculate_RepeatedUntilStable_ReachesEachWeightWithinLimits(string? maxSurge, string? maxUnavailable)
    {
        const int specReplicas = 10;
        var limits = ScalingLimits.Resolve(specReplicas, LimitText.Parse(maxSurge), LimitText.Parse(maxUnavailable));
        var canary = new ReplicaSetCounts(0, 0);
        var stable = new ReplicaSetCounts(specReplicas, specReplicas);
        var expectedSplits = new Dictionary<int, CanaryReplicaCounts>
        {
            [10] = new(1, 9),
            [30] = new(3, 7),
            [50] = new(5, 5),
            [100] = new(10, 0),
        };

        foreach (var (weight, expectedSplit) in expectedSplits)
        {
            for (var reconcile = 0; reconcile < 50; reconcile++)
            {
                var next = BasicCanaryScaler.Calculate(new BasicCanaryScaleInput(specReplicas, weight, limits, canary, stable));
                Assert.True(
                    next.CanaryReplicas + next.StableReplicas <= specReplicas + limits.MaxSurge,
                    $"weight {weight}: {next} exceeds {specReplicas} + maxSurge {limits.MaxSurge}");
                var availableDuringScale = Math.Min(canary.AvailableReplicas, next.CanaryReplicas) + Math.Min(stable.AvailableReplicas, next.StableReplicas);
                Assert.True(
                    availableDuringScale >= specReplicas - limits.MaxUnavailable,
                    $"weight {weight}: {next} leaves {availableDuringScale} available, below {specReplicas} - maxUnavailable {limits.MaxUnavailable}");

                if (next == new CanaryReplicaCounts(canary.Replicas, stable.Replicas))
                {
                    break;
                }

                canary = new ReplicaSetCounts(next.CanaryReplicas, next.CanaryReplicas);
                stable = new ReplicaSetCounts(next.StableReplicas, next.StableReplicas);
            }

            Assert.Equal(expectedSplit, new CanaryReplicaCounts(canary.Replicas, stable.Replicas));
        }
    }
}
