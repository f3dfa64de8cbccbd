using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Clusters;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Tests.Settings;

/// <summary>argocd-cm's cluster.inClusterEnabled, as Argo CD's IsInClusterEnabled reads it: only "false" disables.</summary>
public sealed class InClusterSettingTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("False", true)]
    [InlineData("no", true)]
    [InlineData("false", false)]
    public void FromData_InClusterEnabled_OnlyExactlyFalseDisables(string? value, bool expected)
    {
        var data = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [ArgoCdConfig.InClusterEnabledKey] = value };

        var config = ArgoCdConfig.FromData(data);

        Assert.Equal(expected, config.InClusterEnabled);
        Assert.Equal(expected, new ClusterRegistry([], config.InClusterEnabled).Resolve(new ApplicationDestination { Name = "in-cluster" }).Cluster is not null);
    }
}
