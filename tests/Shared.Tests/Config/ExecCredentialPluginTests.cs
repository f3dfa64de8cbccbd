using System.Text.Json.Nodes;
using k8s.KubeConfigModels;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Tests.Operator;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Shared.Tests.Config;

/// <summary>Real plugin processes (shell scripts) speaking the ExecCredential protocol, well and badly.</summary>
public sealed class ExecCredentialPluginTests : IDisposable
{
    private const string V1 = "client.authentication.k8s.io/v1";
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("tollgate-exec-");

    public void Dispose() => dir.Delete(recursive: true);

    [Theory]
    [InlineData(V1)]
    [InlineData("client.authentication.k8s.io/v1beta1")]
    public async Task GetAsync_TokenPlugin_TokenAndExecInfoAndVerbatimArguments(string apiVersion)
    {
        var script = Script("""
            case "$KUBERNETES_EXEC_INFO" in *"$EXPECTED_API"*) ;; *) echo "no exec info" >&2; exit 3;; esac
            printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"%s|%s|%s"}}' "$EXPECTED_API" "$1" "$2" "$MY_ENV"
            """);
        var plugin = Plugin(script, apiVersion, ["a b", "c"], env: new() { ["EXPECTED_API"] = apiVersion, ["MY_ENV"] = "from-kubeconfig" });

        var credential = await plugin.GetAsync(CancellationToken.None);
        var header = await plugin.GetAuthenticationHeaderAsync(CancellationToken.None);

        Assert.Equal("a b|c|from-kubeconfig", credential.Token);
        Assert.Null(credential.ClientCertificate);
        Assert.Equal("Bearer a b|c|from-kubeconfig", header.ToString());
        Assert.Equal(1, plugin.Runs);
    }

    [Fact]
    public async Task GetAsync_CertificatePlugin_ClientCertificateWithKey()
    {
        using var ca = CertificateAuthority.Create("exec-test-ca");
        var issued = ca.IssueClient("exec-user", ["exec-group"]);
        var output = Path.Combine(dir.FullName, "credential.json");
        File.WriteAllText(output, new JsonObject
        {
            ["apiVersion"] = V1,
            ["kind"] = "ExecCredential",
            ["status"] = new JsonObject { ["clientCertificateData"] = issued.CertificatePem, ["clientKeyData"] = issued.KeyPem },
        }.ToJsonString());
        var plugin = Plugin(Script($"cat '{output}'"));

        var credential = await plugin.GetAsync(CancellationToken.None);

        Assert.Null(credential.Token);
        Assert.Contains("CN=exec-user", credential.ClientCertificate!.Subject, StringComparison.Ordinal);
        Assert.True(credential.ClientCertificate.HasPrivateKey);
    }

    [Theory]
    [InlineData("echo 'login required: run sso-login' >&2\nexit 4", "exited with code 4: login required: run sso-login")]
    [InlineData("echo 'this is not json'", "printed something that is not an ExecCredential")]
    [InlineData("true", "printed something that is not an ExecCredential")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t\"}}'", "expected ExecCredential client.authentication.k8s.io/v1")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'", "neither status.token nor status.clientCertificateData")]
    [InlineData("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"clientCertificateData\":\"x\",\"clientKeyData\":\"y\"}}'", "not valid PEM")]
    public async Task GetAsync_BrokenPlugin_OneLineErrorNamingThePlugin(string body, string expected)
    {
        var script = Script(body);
        var plugin = Plugin(script);

        var error = await Assert.ThrowsAsync<KubeConfigException>(() => plugin.GetAsync(CancellationToken.None));

        Assert.StartsWith($"exec credential plugin \"{script}\" ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task GetAsync_HangingPlugin_KilledAfterItsTimeLimit()
    {
        var script = Script("sleep 600");
        var plugin = Plugin(script, timeout: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<KubeConfigException>(() => plugin.GetAsync(CancellationToken.None));

        Assert.Equal($"exec credential plugin \"{script}\" did not finish within 1s", error.Message);
    }

    [Fact]
    public async Task GetAsync_MissingCommand_CannotBeStartedWithInstallHint()
    {
        var missing = Path.Combine(dir.FullName, "not-installed");
        var plugin = new ExecCredentialPlugin(
            new ExternalExecution { ApiVersion = V1, Command = missing, InstallHint = "install it with\nyour package manager" }, TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<KubeConfigException>(() => plugin.GetAsync(CancellationToken.None));

        Assert.StartsWith($"exec credential plugin \"{missing}\" cannot be started: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(install it with your package manager)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ExpirationTimestamp_CachedUntilTheRefreshMarginThenRunAgain()
    {
        var counter = Path.Combine(dir.FullName, "runs");
        var script = Script($$$"""
            echo run >> '{{{counter}}}'
            n=$(wc -l < '{{{counter}}}')
            printf '{"apiVersion":"{{{V1}}}","kind":"ExecCredential","status":{"token":"t%s","expirationTimestamp":"2030-01-01T00:10:00Z"}}' $n
            """);
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var plugin = Plugin(script, time: clock);

        var first = await plugin.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));
        var cached = await plugin.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(31));
        var refreshed = await plugin.GetAsync(CancellationToken.None);

        Assert.Equal("t1", first.Token);
        Assert.Same(first, cached);
        Assert.Equal("t2", refreshed.Token);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 10, 0, TimeSpan.Zero), refreshed.Expiration);
        Assert.Equal(2, plugin.Runs);
    }

    [Fact]
    public async Task Invalidate_CredentialRefusedByTheServer_NextRequestRunsThePluginAgain()
    {
        var plugin = Plugin(Script($"echo '{{\"apiVersion\":\"{V1}\",\"kind\":\"ExecCredential\",\"status\":{{\"token\":\"t\"}}}}'"));
        var first = await plugin.GetAsync(CancellationToken.None);

        var stillCached = await plugin.GetAsync(CancellationToken.None);
        plugin.Invalidate(first);
        await plugin.GetAsync(CancellationToken.None);

        Assert.Same(first, stillCached);
        Assert.Equal(2, plugin.Runs);
    }

    private ExecCredentialPlugin Plugin(
        string command,
        string apiVersion = V1,
        IList<string>? args = null,
        Dictionary<string, string>? env = null,
        TimeSpan? timeout = null,
        TimeProvider? time = null) =>
        new(
            new ExternalExecution
            {
                ApiVersion = apiVersion,
                Command = command,
                Arguments = args,
                EnvironmentVariables = env?.Select(pair => new Dictionary<string, string> { ["name"] = pair.Key, ["value"] = pair.Value }).ToList(),
            },
            timeout ?? TimeSpan.FromSeconds(30),
            time);

    private string Script(string body)
    {
        var path = Path.Combine(dir.FullName, $"plugin-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

}
