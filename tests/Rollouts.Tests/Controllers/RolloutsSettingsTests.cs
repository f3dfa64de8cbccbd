namespace Tollgate.Rollouts.Tests.Controllers;

public sealed class RolloutsSettingsTests
{
    [Fact]
    public void FromArguments_Flags_WinOverEnvironment()
    {
        var settings = RolloutsSettings.FromArguments(
            ["--kubeconfig", "/k", "--namespace=prod", "--bind-address", "127.0.0.1:9", "--leader-elect=false"],
            name => name == "KUBECONFIG" ? "/env" : null);

        Assert.Equal(new RolloutsSettings("/k", "prod", "127.0.0.1:9", false, null), settings);
    }

    [Fact]
    public void FromArguments_Nothing_DefaultsWithLeaderElection()
    {
        var settings = RolloutsSettings.FromArguments([], name => name == "KUBECONFIG" ? "/env" : null);

        Assert.Equal(new RolloutsSettings("/env", null, "0.0.0.0:8080", true, null), settings);
    }
}
