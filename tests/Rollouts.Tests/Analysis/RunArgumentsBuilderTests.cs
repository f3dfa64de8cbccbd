using Tollgate.Rollouts.Analysis;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class RunArgumentsBuilderTests
{
    [Theory]
    [InlineData("Stable", "stable1")]
    [InlineData("Latest", "latest2")]
    public void Build_PodTemplateHashValue_ResolvedNow(string which, string expected)
    {
        var arguments = RunArgumentsBuilder.Build(
            [new Argument { Name = "hash" }],
            [new AnalysisRunArgument { Name = "hash", ValueFrom = new ArgumentValueFrom { PodTemplateHashValue = which } }],
            "stable1",
            "latest2");

        Assert.Equal(expected, Assert.Single(arguments).Value);
    }

    [Fact]
    public void Build_TemplateDefaultAndRolloutOverride_RolloutWins()
    {
        var arguments = RunArgumentsBuilder.Build(
            [new Argument { Name = "service", Value = "default" }, new Argument { Name = "window", Value = "5m" }],
            [new AnalysisRunArgument { Name = "service", Value = "web" }],
            null,
            "h");

        Assert.Equal([("service", "web"), ("window", "5m")], arguments.Select(a => (a.Name, a.Value)));
    }

    [Fact]
    public void Build_SecretKeyRef_KeptAsReference()
    {
        var secret = new ValueFrom { SecretKeyRef = new SecretKeyRef { Name = "prom", Key = "token" } };

        var argument = Assert.Single(RunArgumentsBuilder.Build([new Argument { Name = "token", ValueFrom = secret }], null, null, "h"));

        Assert.Null(argument.Value);
        Assert.Equal("prom", argument.ValueFrom!.SecretKeyRef!.Name);
    }

    [Fact]
    public void Build_UnknownPodTemplateHashValue_Throws() =>
        Assert.Throws<FormatException>(() => RunArgumentsBuilder.Build(
            [],
            [new AnalysisRunArgument { Name = "h", ValueFrom = new ArgumentValueFrom { PodTemplateHashValue = "Canary" } }],
            null,
            "h"));

    [Fact]
    public void Build_StableWithoutStableReplicaSet_UsesLatest() =>
        Assert.Equal("latest", RunArgumentsBuilder.Build(
            [],
            [new AnalysisRunArgument { Name = "h", ValueFrom = new ArgumentValueFrom { PodTemplateHashValue = "Stable" } }],
            null,
            "latest")[0].Value);
}
