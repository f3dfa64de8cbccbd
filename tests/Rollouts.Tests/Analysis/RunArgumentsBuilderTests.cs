using Tollgate.Rollouts.Analysis;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class RunArgumentsBuilderTests
{
    [Theory]
    [InlineData("Stable", "stable1")]
    [InlineData("Latest", "latest2")]
    public void Build_PodTemplateHashValue_ResolvedNow(string which, string expected)
    {
        var arguments = RunArgumentsBuilder.Build(
            new Rollout(),
            [new Argument { Name = "hash" }],
            [new AnalysisRunArgument { Name = "hash", ValueFrom = new ArgumentValueFrom { PodTemplateHashValue = which } }],
            "stable1",
            "latest2");

        Assert.Equal(expected, Assert.Single(arguments).Value);
    }

    [Fact]
    public void Build_ValueAndValueFromBoth_ValueFromWins()
    {
        var arguments = RunArgumentsBuilder.Build(
            new Rollout(),
            [new Argument { Name = "hash" }],
            [new AnalysisRunArgument { Name = "hash", Value = "typed", ValueFrom = new ArgumentValueFrom { PodTemplateHashValue = "Latest" } }],
            "stable1",
            "latest2");

        Assert.Equal("latest2", Assert.Single(arguments).Value);
    }

    [Fact]
    public void Build_TemplateDefaultAndRolloutOverride_RolloutWins()
    {
        var arguments = RunArgumentsBuilder.Build(
            new Rollout(),
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

        var argument = Assert.Single(RunArgumentsBuilder.Build(new Rollout(), [new Argument { Name = "token", ValueFrom = secret }], null, null, "h"));

        Assert.Null(argument.Value);
        Assert.Equal("prom", argument.ValueFrom!.SecretKeyRef!.Name);
    }

    [Fact]
    public void Build_UnknownPodTemplateHashValue_Throws() =>
        Assert.Throws<FormatException>(() => RunArgumentsBuilder.Build(
            new Rollout(),
            [],
            [new AnalysisRunArgument { Name = "h", ValueFrom = new ArgumentValueFrom { PodTemplateHashValue = "Canary" } }],
            null,
            "h"));

    [Fact]
    public void Build_StableWithoutStableReplicaSet_UsesLatest() =>
        Assert.Equal("latest", RunArgumentsBuilder.Build(
            new Rollout(),
            [],
            [new AnalysisRunArgument { Name = "h", ValueFrom = new ArgumentValueFrom { PodTemplateHashValue = "Stable" } }],
            null,
            "latest")[0].Value);

    [Fact]
    public void Build_FieldRef_ResolvedFromTheRolloutAndOverridesTheTemplate()
    {
        var rollout = new Rollout { Metadata = new V1ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["app"] = "shop" } } };

        var arguments = RunArgumentsBuilder.Build(
            rollout,
            [new Argument { Name = "app", Value = "default" }],
            [new AnalysisRunArgument { Name = "app", ValueFrom = new ArgumentValueFrom { FieldRef = new FieldRef { FieldPath = "metadata.labels['app']" } } }],
            null,
            "h");

        var argument = Assert.Single(arguments);
        Assert.Equal("shop", argument.Value);
        Assert.Null(argument.ValueFrom);
    }

    [Fact]
    public void Build_UnresolvableFieldRef_ThrowsNamingArgumentAndPath()
    {
        var exception = Assert.Throws<FormatException>(() => RunArgumentsBuilder.Build(
            new Rollout(),
            [],
            [new AnalysisRunArgument { Name = "group", ValueFrom = new ArgumentValueFrom { FieldRef = new FieldRef { FieldPath = "status.alb.canaryTargetGroup.name" } } }],
            null,
            "h"));

        Assert.StartsWith("argument \"group\": fieldPath \"status.alb.canaryTargetGroup.name\": ", exception.Message, StringComparison.Ordinal);
    }
}
