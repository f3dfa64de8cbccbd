using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed class CurrentAnalysisRunTests
{
    private static readonly ObservedAnalysisRun[] Runs =
    [
        new("web-argo1-3", "argo1", "Background", null, "Running", null, false, null),
        new("web-argo1-3-2", "argo1", "Step", 2, "Running", null, false, null),
        new("web-argo0-2", "argo0", "Background", null, "Running", null, false, null),
    ];

    [Theory]
    [InlineData("web-argo1-background", "web-argo1-3", "argo1", null, "web-argo1-3")]
    [InlineData("web-argo1-2", "web-argo1-3-2", "argo1", 2, "web-argo1-3-2")]
    [InlineData("web-argo1-step3", "web-argo1-3-2", "argo1", 3, null)]
    [InlineData("web-argo1-background", "web-argo0-2", "argo1", null, null)]
    [InlineData("web-argo1-background", "web-argo1-3-2", "argo1", null, null)]
    [InlineData("web-argo1-background", null, "argo1", null, null)]
    [InlineData("web-argo1-3", "web-argo0-2", "argo1", null, "web-argo1-3")]
    public void Find_OwnNameOrStoredOfSameRevisionKindAndStep(string name, string? stored, string podHash, int? step, string? expected) =>
        Assert.Equal(expected, CurrentAnalysisRun.Find(Runs, name, stored, podHash, step)?.Name);
}
