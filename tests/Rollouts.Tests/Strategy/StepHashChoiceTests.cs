using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed class StepHashChoiceTests
{
    [Theory]
    [InlineData("argo", "argo", "own", "argo")]
    [InlineData("own", "argo", "own", "own")]
    [InlineData("older", "argo", "own", "argo")]
    [InlineData(null, "argo", "own", "argo")]
    [InlineData("", "argo", "own", "argo")]
    [InlineData("older", null, "own", "own")]
    [InlineData("own", null, "own", "own")]
    public void Choose_StoredAndComputed_KeepsAnUnchangedHashElseArgos(string? stored, string? argo, string own, string expected) =>
        Assert.Equal(expected, StepHashChoice.Choose(stored, argo, own));
}
