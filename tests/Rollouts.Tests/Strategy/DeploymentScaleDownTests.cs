using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed class DeploymentScaleDownTests
{
    [Theory]
    [InlineData("never", 1L, "Healthy", 4, false, 4, null)]
    [InlineData("", 1L, "Healthy", 4, false, 4, null)]
    [InlineData("onsuccess", 1L, "Progressing", 3, false, 4, null)]
    [InlineData("onsuccess", 1L, "Healthy", 4, false, 4, 0)]
    [InlineData("onsuccess", 1L, "Healthy", 4, false, 0, null)]
    [InlineData("onsuccess", 2L, "Healthy", 4, false, 4, null)]
    [InlineData("onsuccess", null, "Healthy", 4, false, 4, null)]
    [InlineData("progressively", 1L, "Progressing", 0, false, 4, null)]
    [InlineData("progressively", 1L, "Progressing", 1, false, 4, 3)]
    [InlineData("progressively", 1L, "Progressing", 3, false, 3, 1)]
    [InlineData("progressively", 1L, "Degraded", 0, true, 0, 4)]
    [InlineData("progressively", 1L, "Progressing", 6, false, 4, 0)]
    [InlineData("progressively", 1L, "Healthy", 4, false, 1, 0)]
    [InlineData("progressively", 2L, "Progressing", 2, false, 4, null)]
    public void Target_ModeRevisionPhaseAndAvailability_GivesDeploymentReplicas(string mode, long? revision, string phase, int available, bool scaledDown, int deployment, int? expected) =>
        Assert.Equal(expected, DeploymentScaleDown.Target(mode, revision, phase, 4, available, scaledDown, deployment));
}
