using Tollgate.Rollouts.TrafficRouting.Smi;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Tests.TrafficRouting;

public sealed class SmiTrafficSplitTests
{
    [Fact]
    public void Spec_Defaults_RootIsStableCanaryFirstWeightsAsQuantities()
    {
        var spec = SmiTrafficSplit.Spec(new SmiTrafficRouting(), "web-stable", "web-canary", 30);

        Assert.Equal("""{"service":"web-stable","backends":[{"service":"web-canary","weight":"30"},{"service":"web-stable","weight":"70"}]}""", spec.ToJsonString());
    }

    [Fact]
    public void Spec_RootService_Used() =>
        Assert.Equal("web", SmiTrafficSplit.Spec(new SmiTrafficRouting { RootService = "web" }, "s", "c", 0)["service"]!.GetValue<string>());

    [Theory]
    [InlineData(null, "web-app")]
    [InlineData("", "web-app")]
    [InlineData("split", "split")]
    public void Name_TrafficSplitName_OrRolloutName(string? configured, string expected) =>
        Assert.Equal(expected, SmiTrafficSplit.Name("web-app", new SmiTrafficRouting { TrafficSplitName = configured }));
}
