namespace Tollgate.Rollouts.Tests.Controllers;

public sealed class RolloutsSettingsTests
{
    [Fact]
    public void FromArguments_Flags_WinOverEnvironment()
    {
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = "/env", ["TOLLGATE_LEASE_NAME"] = "from-env" };

        var settings = RolloutsSettings.FromArguments(
            ["--kubeconfig", "/k", "--namespace=prod", "--bind-address", "127.0.0.1:9", "--leader-elect=false", "--lease-name", "from-flag"],
            key => environment.GetValueOrDefault(key));

        Assert.Equal(new RolloutsSettings("/k", "prod", "127.0.0.1:9", false, null, "from-flag"), settings);
    }

    [Fact]
    public void FromArguments_Nothing_DefaultsWithLeaderElection()
    {
        var settings = RolloutsSettings.FromArguments([], name => name == "KUBECONFIG" ? "/env" : null);

        Assert.Equal(new RolloutsSettings("/env", null, "0.0.0.0:8080", true, null, "tollgate-rollouts-leader"), settings);
    }

    [Fact]
    public void FromArguments_LeaseNameEquals_UsesTheFlag()
    {
        var settings = RolloutsSettings.FromArguments(["--lease-name=tollgate-rollouts-ro-1", "--lease-namespace", "tollgate-system"], _ => null);

        Assert.Equal(("tollgate-rollouts-ro-1", "tollgate-system"), (settings.LeaseName, settings.LeaseNamespace));
    }

    [Fact]
    public void FromArguments_LeaseNameInEnvironmentOnly_UsesTheEnvironment()
    {
        var settings = RolloutsSettings.FromArguments([], name => name == "TOLLGATE_LEASE_NAME" ? "tollgate-rollouts-staging" : null);

        Assert.Equal("tollgate-rollouts-staging", settings.LeaseName);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void FromArguments_BlankLeaseName_Default(string blank)
    {
        var settings = RolloutsSettings.FromArguments(["--lease-name", blank], name => name == "TOLLGATE_LEASE_NAME" ? blank : null);

        Assert.Equal(RolloutsSettings.DefaultLeaseName, settings.LeaseName);
    }

    [Fact]
    public void LoadKubernetesConfiguration_KubeconfigList_MergesEveryFile()
    {
        var directory = Directory.CreateTempSubdirectory("tollgate-settings-");
        try
        {
            var contexts = Path.Combine(directory.FullName, "contexts");
            var clusters = Path.Combine(directory.FullName, "clusters");
            File.WriteAllText(contexts, """
                apiVersion: v1
                kind: Config
                current-context: dev
                contexts:
                - name: dev
                  context: {cluster: dev, user: dev, namespace: team-a}
                """);
            File.WriteAllText(clusters, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: dev
                  cluster: {server: "https://127.0.0.1:16443", insecure-skip-tls-verify: true}
                users:
                - name: dev
                  user: {token: abc}
                """);
            var settings = RolloutsSettings.FromArguments(["--kubeconfig", $"{contexts}:{clusters}"], _ => null);

            var configuration = settings.LoadKubernetesConfiguration();

            Assert.Equal((new Uri("https://127.0.0.1:16443"), "team-a"), (configuration.Host, configuration.Namespace));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void FromArguments_LeaderElectionDurations_GoDurationsAsArgoRolloutsFlags()
    {
        var settings = RolloutsSettings.FromArguments(
            ["--leader-election-lease-duration", "3s", "--leader-election-renew-deadline=2s", "--leader-election-retry-period", "500ms"], _ => null);

        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500)), (settings.LeaseDuration, settings.RenewDeadline, settings.RetryPeriod));
    }

    [Fact]
    public void FromArguments_NoLeaderElectionDurations_ClientGoDefaults()
    {
        var settings = RolloutsSettings.FromArguments([], _ => null);

        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)), (settings.LeaseDuration, settings.RenewDeadline, settings.RetryPeriod));
    }

    [Theory]
    [InlineData("--leader-election-lease-duration", "15", "--leader-election-lease-duration 15: ")]
    [InlineData("--leader-election-renew-deadline", "0s", "--leader-election-renew-deadline 0s: must be positive")]
    [InlineData("--leader-election-retry-period", "-2s", "--leader-election-retry-period -2s: must be positive")]
    public void FromArguments_BadLeaderElectionDuration_FormatExceptionNamingTheFlag(string flag, string value, string message)
    {
        var error = Assert.Throws<FormatException>(() => RolloutsSettings.FromArguments([flag, value], _ => null));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromArguments_NoThreadFlags_ArgoRolloutsDefaults()
    {
        var settings = RolloutsSettings.FromArguments([], _ => null);

        Assert.Equal((10, 30), (settings.RolloutThreads, settings.AnalysisThreads));
    }

    [Fact]
    public void FromArguments_ThreadFlags_WorkerCounts()
    {
        var settings = RolloutsSettings.FromArguments(["--rollout-threads", "4", "--analysis-threads=7"], _ => null);

        Assert.Equal((4, 7), (settings.RolloutThreads, settings.AnalysisThreads));
    }

    [Theory]
    [InlineData("--rollout-threads", "0")]
    [InlineData("--rollout-threads", "-3")]
    [InlineData("--analysis-threads", "ten")]
    [InlineData("--analysis-threads", "99999999999")]
    public void FromArguments_BadThreadCount_FormatExceptionNamingTheFlag(string flag, string value)
    {
        var error = Assert.Throws<FormatException>(() => RolloutsSettings.FromArguments([flag, value], _ => null));

        Assert.Equal($"{flag} {value}: must be a positive integer", error.Message);
    }
}
