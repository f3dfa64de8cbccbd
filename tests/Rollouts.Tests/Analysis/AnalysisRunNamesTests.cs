using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class AnalysisRunNamesTests
{
    [Theory]
    [InlineData("web-app", "6f8b9", 0, "web-app-6f8b9-0")]
    [InlineData("web-app", "6f8b9", 12, "web-app-6f8b9-12")]
    public void ForStep_Inputs_DeterministicName(string rollout, string hash, int step, string expected) =>
        Assert.Equal(expected, AnalysisRunNames.ForStep(rollout, hash, step));

    [Fact]
    public void ForStep_LongRolloutName_StaysWithinNameLimit() =>
        Assert.Equal(253, AnalysisRunNames.ForStep(new string('r', 300), "abc", 1).Length);

    [Fact]
    public void ForReplicaSet_Inputs_RolloutDashHash() => Assert.Equal("web-app-abc", AnalysisRunNames.ForReplicaSet("web-app", "abc"));
}
