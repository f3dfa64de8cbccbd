using System.Text;
using k8s.Authentication;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Shared.Tests.Config;

/// <summary>kubeconfig loading through the official client's model and builder, with our shim for what it lacks.</summary>
public sealed class KubeconfigTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("tollgate-kubeconfig-");
    private readonly CertificateAuthority ca = CertificateAuthority.Create("unit-test-ca");

    public void Dispose()
    {
        ca.Dispose();
        dir.Delete(recursive: true);
    }

    [Fact]
    public void BuildConfigFromConfigFile_EmbeddedClientCertificate_HostCaAndCertificateForTheOfficialHandler()
    {
        var path = Write("a", KubeconfigWriter.ForClientCertificate(new Uri("https://10.1.2.3:6443"), ca.CertificatePem, ca.IssueClient("alice", ["dev-team"]), "alice"));

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        using var client = new KubernetesClient(config);

        Assert.Equal(new Uri("https://10.1.2.3:6443"), config.Host);
        Assert.Single(config.CaCertificates);
        Assert.Contains("CERTIFICATE", Encoding.UTF8.GetString(Convert.FromBase64String(config.Official!.ClientCertificateData)), StringComparison.Ordinal);
        Assert.Equal("tollgate-test", config.CurrentContext);
        Assert.Null(config.ExecPlugin);
    }

    [Fact]
    public void BuildConfigFromConfigFile_KubeconfigList_FirstFileWinsAndLaterFilesAddEntries()
    {
        var first = Write("first", """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: c1
              cluster: {server: "https://first:6443", insecure-skip-tls-verify: true}
            contexts:
            - name: dev
              context: {cluster: c1, user: u1, namespace: team-a}
            """);
        var second = Write("second", """
            apiVersion: v1
            kind: Config
            current-context: other
            clusters:
            - name: c1
              cluster: {server: "https://second:6443"}
            users:
            - name: u1
              user: {token: secret-token}
            """);

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile($"{first}:{second}");

        Assert.Equal("https://first:6443/", config.Host.ToString());
        Assert.True(config.Official!.SkipTlsVerify);
        Assert.Equal("secret-token", config.Official.AccessToken);
        Assert.Equal("team-a", config.Namespace);
        Assert.Equal("dev", config.CurrentContext);
    }

    [Fact]
    public void BuildConfigFromConfigFile_RelativePathsInSecondFile_ResolvedAgainstThatFile()
    {
        var other = Directory.CreateDirectory(Path.Combine(dir.FullName, "other"));
        File.WriteAllText(Path.Combine(other.FullName, "ca.crt"), ca.CertificatePem);
        var client = ca.IssueClient("bob", []);
        File.WriteAllText(Path.Combine(other.FullName, "bob.crt"), client.CertificatePem);
        File.WriteAllText(Path.Combine(other.FullName, "bob.key"), client.KeyPem);
        var first = Write("first", "apiVersion: v1\nkind: Config\ncurrent-context: ctx\ncontexts:\n- name: ctx\n  context: {cluster: c, user: bob}\n");
        var second = Path.Combine(other.FullName, "config");
        File.WriteAllText(second, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "https://10.9.9.9:6443", certificate-authority: ca.crt}
            users:
            - name: bob
              user: {client-certificate: bob.crt, client-key: bob.key}
            """);

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile($"{first}:{second}");
        using var kube = new KubernetesClient(config);

        Assert.Single(config.CaCertificates);
        Assert.Equal(Path.Combine(other.FullName, "bob.crt"), config.Official!.ClientCertificateFilePath);
    }

    [Fact]
    public async Task BuildConfigFromConfigFile_TokenFile_ReadThroughTheOfficialTokenFileProvider()
    {
        File.WriteAllText(Path.Combine(dir.FullName, "token"), "from-file\n");
        var path = Write("tf", User("{tokenFile: token}"));

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        var header = await config.Official!.TokenProvider.GetAuthenticationHeaderAsync(CancellationToken.None);

        Assert.IsType<TokenFileAuth>(config.Official.TokenProvider);
        Assert.Equal("Bearer from-file", header.ToString());
    }

    [Fact]
    public void BuildConfigFromConfigFile_TokenAndTokenFile_TokenWins()
    {
        File.WriteAllText(Path.Combine(dir.FullName, "token"), "from-file");
        var path = Write("both", User("{token: inline, tokenFile: token}"));

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        Assert.Equal("inline", config.Official!.AccessToken);
        Assert.Null(config.Official.TokenProvider);
    }

    [Fact]
    public async Task BuildConfigFromConfigFile_ExecUser_PluginRunsAtTheFirstRequestNotWhileLoading()
    {
        var marker = Path.Combine(dir.FullName, "ran");
        var script = Path.Combine(dir.FullName, "plugin.sh");
        File.WriteAllText(script, $$$"""
            #!/bin/sh
            touch {{{marker}}}
            printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s-%s"}}' "$1" "$FOO"
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Write("exec", User("""
            {exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./plugin.sh, args: [first], env: [{name: FOO, value: bar}], installHint: "x"}}
            """));

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        var ranWhileLoading = File.Exists(marker);
        var credential = await config.ExecPlugin!.GetAsync(CancellationToken.None);

        Assert.False(ranWhileLoading);
        Assert.Equal(script, config.ExecPlugin.Command);
        Assert.Same(config.ExecPlugin, config.Official!.TokenProvider);
        Assert.Equal("first-bar", credential.Token);
    }

    [Fact]
    public void BuildConfigFromConfigFile_OidcWithRefreshToken_OfficialOidcProvider()
    {
        var path = Write("oidc", User("""
            {auth-provider: {name: oidc, config: {client-id: tollgate, idp-issuer-url: "https://127.0.0.1:1/token", id-token: a.e30.c, refresh-token: r}}}
            """));

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        Assert.IsType<OidcTokenProvider>(config.Official!.TokenProvider);
    }

    [Fact]
    public void BuildConfigFromConfigFile_ProxyUrl_UsedForTheCluster()
    {
        var path = Write("proxy", User("{token: t}", clusterExtra: ", proxy-url: \"socks5://127.0.0.1:1080\""));

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        using var client = new KubernetesClient(config);

        Assert.Equal(new Uri("socks5://127.0.0.1:1080"), config.Proxy);
    }

    [Theory]
    [InlineData("{token: t, as: bob}", "impersonation")]
    [InlineData("{auth-provider: {name: gcp, config: {access-token: x}}}", "auth-provider \"gcp\" is not supported")]
    [InlineData("{exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: x}}", "apiVersion \"client.authentication.k8s.io/v1alpha1\" is not supported")]
    [InlineData("{exec: {apiVersion: client.authentication.k8s.io/v1, command: x, provideClusterInfo: true}}", "provideClusterInfo")]
    public void BuildConfigFromConfigFile_UnsupportedUser_RefusedInOneLine(string user, string expected)
    {
        var path = Write("refused", User(user));

        var error = Assert.Throws<KubeConfigException>(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("kubeconfig user \"u\": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildConfigFromConfigFile_BadProxyUrl_Refused()
    {
        var path = Write("badproxy", User("{token: t}", clusterExtra: ", proxy-url: \"ftp://x\""));

        var error = Assert.Throws<KubeConfigException>(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(path));

        Assert.Contains("proxy-url \"ftp://x\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clusters: [", "is not a valid kubeconfig")]
    [InlineData("apiVersion: v1\nkind: Config\ncurrent-context: nope\n", "context \"nope\" is not in the kubeconfig")]
    [InlineData("apiVersion: v1\nkind: Config\n", "no current-context")]
    public void BuildConfigFromConfigFile_BrokenFile_OneLineError(string content, string expected)
    {
        var path = Write("broken", content);

        var error = Assert.Throws<KubeConfigException>(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void BuildConfigFromConfigFile_MissingFile_NamesThePath()
    {
        var missing = Path.Combine(dir.FullName, "nope");

        var error = Assert.Throws<KubeConfigException>(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildConfigFromConfigFile_ClientKeyThatIsNotPem_ErrorAtClientConstruction()
    {
        var certificate = ca.IssueClient("carol", []);
        var path = Write("badkey", User(
            $"{{client-certificate-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(certificate.CertificatePem))}, client-key-data: {Convert.ToBase64String("not pem"u8)}}}"));

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        var error = Assert.Throws<KubeConfigException>(() => new KubernetesClient(config));

        Assert.StartsWith("cannot set up the connection to https://127.0.0.1:6443/", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static string User(string user, string clusterExtra = "") => $$"""
        apiVersion: v1
        kind: Config
        current-context: c
        clusters:
        - name: c
          cluster: {server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true{{clusterExtra}}}
        users:
        - name: u
          user: {{user}}
        contexts:
        - name: c
          context: {cluster: c, user: u}
        """;

    private string Write(string name, string content)
    {
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
