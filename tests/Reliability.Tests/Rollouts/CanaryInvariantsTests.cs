namespace Tollgate.Reliability.Tests.Rollouts;

public sealed class CanaryInvariantsTests
{
    private static readonly CanaryLimits Armed = new(4, 1, 1, AvailabilityArmed: true);

    [Theory]
    [InlineData(5, 5, false, 0)]
    [InlineData(6, 6, false, 1)]
    [InlineData(5, 3, false, 0)]
    [InlineData(4, 2, false, 1)]
    [InlineData(4, 2, true, 0)]
    public void OfPods_CountsAgainstSurgeAndUnavailable_ViolationsAsExpected(int live, int ready, bool beforeFirstDeploy, int violations)
    {
        var pods = Enumerable.Range(0, live).Select(i => new PodView("h", i < ready, Terminating: false)).ToList();

        Assert.Equal(violations, CanaryInvariants.OfPods(Armed with { AvailabilityArmed = !beforeFirstDeploy }, pods).Count);
    }

    [Fact]
    public void OfPods_TerminatingPods_NeitherLiveNorAvailable()
    {
        PodView[] pods = [.. Enumerable.Repeat(new PodView("h", true, false), 3), .. Enumerable.Repeat(new PodView("h", true, true), 4)];

        Assert.Empty(CanaryInvariants.OfPods(Armed, pods));
    }

    [Theory]
    [InlineData(0, 3, 0)]
    [InlineData(0, 2, 1)]
    [InlineData(1, 0, 0)]
    [InlineData(0, 4, 0)]
    public void OfReplicaSets_StableAtZero_ViolationOnlyBelowTheAvailabilityFloor(int stableReplicas, int canaryAvailable, int violations)
    {
        ReplicaSetView[] sets = [new("stable", stableReplicas, stableReplicas), new("canary", 4, canaryAvailable)];

        Assert.Equal(violations, CanaryInvariants.OfReplicaSets(Armed, "stable", sets).Count);
        Assert.Equal(stableReplicas == 0 && canaryAvailable < 4, CanaryInvariants.StableGoneBeforeCanaryFull(Armed, "stable", sets));
    }

    [Fact]
    public void OfStepRuns_SameStepTwoUids_Violation()
    {
        StepRunView[] runs = [new("u1", "h", "3"), new("u1", "h", "3"), new("u2", "h", "5"), new("u3", "g", "3")];

        Assert.Empty(CanaryInvariants.OfStepRuns(runs));
        Assert.Single(CanaryInvariants.OfStepRuns([.. runs, new("u4", "h", "3")]));
    }

    [Theory]
    [InlineData(null, 4, true, 25, 1)]
    [InlineData(null, 4, false, 25, 1)]
    [InlineData("50%", 5, true, 25, 3)]
    [InlineData("50%", 5, false, 25, 2)]
    [InlineData("2", 10, true, 25, 2)]
    public void Resolve_IntOrPercent_RoundedAsKubernetes(string? value, int replicas, bool roundUp, int fallback, int expected)
    {
        Assert.Equal(expected, CanaryInvariants.Resolve(value, replicas, roundUp, fallback));
    }
}
