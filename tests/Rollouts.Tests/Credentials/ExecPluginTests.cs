using System.Text;
using System.Text.Json.Nodes;
using Tollgate.Rollouts.Tests.Scenarios;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Credentials;

/// <summary>
/// kubeconfig users whose credentials come from an exec plugin (client.authentication.k8s.io/v1), on the real API
/// server: the controller process, kubectl-tollgate and kubectl itself, a ServiceAccount token or a client certificate
/// from the test CA, plugins that fail, hang or print garbage, and a credential that expires.
/// </summary>
public sealed class ExecPluginTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    private const string Steps = "- setWeight: 50\n- pause: {}";

    /// <summary>kubectl 1.20 speaks v1alpha1 and v1beta1 only (v1 came with 1.22), so the v1 case leaves it out.</summary>
    [Theory]
    [InlineData("token", "client.authentication.k8s.io/v1beta1", true)]
    [InlineData("certificate", "client.authentication.k8s.io/v1beta1", true)]
    [InlineData("token", "client.authentication.k8s.io/v1", false)]
    [InlineData("certificate", "client.authentication.k8s.io/v1", false)]
    public async Task ExecPlugin_Credential_DrivesControllerPluginAndKubectl(string kind, string apiVersion, bool kubectlSpeaksIt)
    {
        var exec = await ExecUserAsync(apiVersion);
        if (kind == "token")
        {
            await exec.ServeTokenAsync(await RequestTokenAsync(boundSecret: null));
        }
        else
        {
            await exec.ServeCertificateAsync(ControllerIdentity.Configuration.Official!);
        }

        await RestartControllerAsync(exec.Kubeconfig);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", Steps));
        await WaitForRolloutAsync("web-app", "healthy through the exec credential", r => r.Status?.Phase == "Healthy");

        var (exitCode, output) = await PluginRunner.RunAsync(exec.Kubeconfig, "get", "rollout", "web-app", "-n", Namespace);

        Assert.True(exitCode == 0, output);
        Assert.Contains("web-app", output, StringComparison.Ordinal);
        Assert.True(exec.Runs >= 2, $"the plugin ran {exec.Runs} times for the controller and kubectl-tollgate");
        if (kubectlSpeaksIt)
        {
            var kubectl = await Plane.Kubectl.RunAsync(exec.Kubeconfig, ["get", "rollouts.argoproj.io", "web-app", "-n", Namespace, "-o", "name"]);
            Assert.True(kubectl.Succeeded, kubectl.ToString());
            Assert.Equal("rollout.argoproj.io/web-app", kubectl.Stdout.Trim());
        }

        Assert.All(exec.TokensServed, served => Assert.NotEqual("", served));
    }

    [Theory]
    [InlineData("fail", "exited with code 7: sso session expired, run sso-login")]
    [InlineData("garbage", "printed something that is not an ExecCredential")]
    [InlineData("hang", "did not finish within 3s")]
    public async Task ExecPlugin_Broken_OneLineErrorsAndTheControllerRetriesUntilItWorks(string mode, string expected)
    {
        var exec = await ExecUserAsync("client.authentication.k8s.io/v1");
        await exec.ServeTokenAsync(await RequestTokenAsync(boundSecret: null));
        await exec.BreakAsync(mode);
        Environment.SetEnvironmentVariable("TOLLGATE_EXEC_PLUGIN_TIMEOUT", "3");
        try
        {
            await RestartControllerAsync(exec.Kubeconfig);
            var (exitCode, output) = await PluginRunner.RunAsync(exec.Kubeconfig, "get", "rollout", "web-app", "-n", Namespace);

            Assert.Equal(1, exitCode);
            Assert.StartsWith(
                $"error: GET /apis/argoproj.io/v1alpha1/namespaces/{Namespace}/rollouts/web-app: no credentials: exec credential plugin \"{exec.Script}\" {expected}",
                output, StringComparison.Ordinal);
            Assert.Single(output.TrimEnd('\n').Split('\n'));
            await TestControlPlane.WaitUntilAsync(
                "the controller to log the plugin's failure",
                _ => Task.FromResult(File.ReadAllText(Controller.LogPath).Contains($"exec credential plugin \"{exec.Script}\" {expected}", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(90));
            Assert.False(Controller.HasExited, Controller.Tail());

            await exec.RepairAsync();
            await ApplyAsync(RolloutYaml.Rollout("myapp:v1", Steps));
            await WaitForRolloutAsync("web-app", "healthy once the plugin works again", r => r.Status?.Phase == "Healthy");
            Assert.False(Controller.HasExited, Controller.Tail());
        }
        finally
        {
            Environment.SetEnvironmentVariable("TOLLGATE_EXEC_PLUGIN_TIMEOUT", null);
        }
    }

    [Fact]
    public async Task ExecPlugin_ExpiringToken_RefreshedBeforeTheServerRefusesIt()
    {
        var exec = await ExecUserAsync("client.authentication.k8s.io/v1");
        var first = await RequestTokenAsync(boundSecret: "exec-first");
        var second = await RequestTokenAsync(boundSecret: "exec-second");
        await exec.ServeTokenAsync(first, expiresInSeconds: 40);
        await RestartControllerAsync(exec.Kubeconfig);
        await ApplyAsync(RolloutYaml.Rollout("myapp:v1", Steps));
        await WaitForRolloutAsync("web-app", "healthy on the first token", r => r.Status?.Phase == "Healthy");

        // The plugin now hands out the second token. Only the first one's expirationTimestamp makes the controller ask
        // for it: the first token is still valid, so no request has failed.
        await exec.ServeTokenAsync(second);
        await TestControlPlane.WaitUntilAsync(
            "the controller to run the plugin again as the first token nears its expirationTimestamp",
            _ => Task.FromResult(exec.TokensServed.Contains(second)),
            TimeSpan.FromSeconds(90));

        // Revoked for real (its Secret is gone): a client still holding it would now get 401s.
        Assert.True((await Plane.KubectlAsAdminAsync("delete", "secret", "exec-first", "-n", ShippedIdentities.Namespace)).Succeeded);
        await TestControlPlane.WaitUntilAsync("the API server to refuse the first token", async _ => !await TokenAcceptedAsync(first), TimeSpan.FromSeconds(60));
        await ApplyAsync(RolloutYaml.Rollout("myapp:v2", Steps));
        await WaitForRolloutAsync("web-app", "paused on v2 with the refreshed token", r => r.Status?.Phase == "Paused");

        Assert.DoesNotContain("HTTP 401", File.ReadAllText(Controller.LogPath), StringComparison.Ordinal);
        Assert.False(Controller.HasExited, Controller.Tail());
        await Client.DeleteAsync<V1Secret>("exec-second", ShippedIdentities.Namespace);
    }

    private async Task RestartControllerAsync(string kubeconfig)
    {
        await Controller.DisposeAsync();
        Controller = ControllerProcess.Start(kubeconfig, Namespace, LeaseName, Prometheus.Address, Plane.WorkDirectory);
    }

    private async Task<ExecUser> ExecUserAsync(string apiVersion)
    {
        var caPem = new StringBuilder();
        foreach (var certificate in Plane.AdminConfiguration.CaCertificates)
        {
            caPem.Append(certificate.ExportCertificatePem()).Append('\n');
        }

        var user = new ExecUser(Directory.CreateTempSubdirectory("tollgate-exec-user-").FullName, apiVersion);
        await user.WriteAsync(Plane.ApiServer, caPem.ToString());
        return user;
    }

    /// <summary>A token of the rollouts ServiceAccount from the TokenRequest API, optionally bound to a Secret so deleting it revokes the token.</summary>
    private async Task<string> RequestTokenAsync(string? boundSecret)
    {
        var spec = new JsonObject { ["expirationSeconds"] = 3600 };
        if (boundSecret is not null)
        {
            await Client.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = boundSecret, Namespace = ShippedIdentities.Namespace } });
            var secret = await Client.GetAsync<V1Secret>(boundSecret, ShippedIdentities.Namespace);
            spec["boundObjectRef"] = new JsonObject { ["kind"] = "Secret", ["apiVersion"] = "v1", ["name"] = boundSecret, ["uid"] = secret!.Metadata.Uid };
        }

        var body = Path.Combine(Plane.WorkDirectory, $"token-request-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(body, new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "TokenRequest", ["spec"] = spec }.ToJsonString());
        var created = await Plane.KubectlAsAdminAsync(
            "create", "--raw", $"/api/v1/namespaces/{ShippedIdentities.Namespace}/serviceaccounts/{ShippedIdentities.RolloutsServiceAccount}/token", "-f", body);
        Assert.True(created.Succeeded, created.ToString());
        return JsonNode.Parse(created.Stdout)!["status"]!["token"]!.GetValue<string>();
    }

    private async Task<bool> TokenAcceptedAsync(string token)
    {
        var kubeconfig = Path.Combine(Plane.WorkDirectory, $"token-{Guid.NewGuid():N}.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            current-context: t
            clusters:
            - name: t
              cluster: {"{"}server: "{Plane.ApiServer.ToString().TrimEnd('/')}", insecure-skip-tls-verify: true{"}"}
            users:
            - name: t
              user: {"{"}token: "{token}"{"}"}
            contexts:
            - name: t
              context: {"{"}cluster: t, user: t{"}"}
            """);
        var result = await Plane.Kubectl.RunAsync(kubeconfig, ["get", "--raw", "/api"]);
        return result.Succeeded;
    }
}
