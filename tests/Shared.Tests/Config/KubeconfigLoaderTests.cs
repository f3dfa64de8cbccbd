using System.Text;
using Tollgate.Shared.Kube.Config;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Shared.Tests.Config;

public sealed class KubeconfigLoaderTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("tollgate-kubeconfig-");
    private readonly CertificateAuthority ca = CertificateAuthority.Create("unit-test-ca");

    public void Dispose()
    {
        ca.Dispose();
        dir.Delete(recursive: true);
    }

    [Fact]
    public void Load_EmbeddedClientCertificate_BuildsHostCaAndCertificate()
    {
        var path = Write("a", KubeconfigWriter.ForClientCertificate(new Uri("https://10.1.2.3:6443"), ca.CertificatePem, ca.IssueClient("alice", ["dev-team"]), "alice"));

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        Assert.Equal(new Uri("https://10.1.2.3:6443"), config.Host);
        Assert.Single(config.CaCertificates);
        Assert.Contains("CN=alice", config.ClientCertificate!.Subject, StringComparison.Ordinal);
        Assert.True(config.ClientCertificate.HasPrivateKey);
        Assert.Equal("tollgate-test", config.CurrentContext);
    }

    [Fact]
    public void Load_KubeconfigList_FirstFileWinsAndLaterFilesAddEntries()
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
        Assert.True(config.SkipTlsVerify);
        Assert.Equal("secret-token", config.AccessToken);
        Assert.Equal("team-a", config.Namespace);
        Assert.Equal("dev", config.CurrentContext);
    }

    [Fact]
    public void Load_RelativeCertificateFiles_ResolveAgainstTheKubeconfigDirectory()
    {
        var client = ca.IssueClient("bob", []);
        File.WriteAllText(Path.Combine(dir.FullName, "ca.crt"), ca.CertificatePem);
        File.WriteAllText(Path.Combine(dir.FullName, "bob.crt"), client.CertificatePem);
        File.WriteAllText(Path.Combine(dir.FullName, "bob.key"), client.KeyPem);
        var path = Write("files", """
            apiVersion: v1
            kind: Config
            current-context: x
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", certificate-authority: ca.crt}}]
            users: [{name: bob, user: {client-certificate: bob.crt, client-key: bob.key}}]
            contexts: [{name: x, context: {cluster: c, user: bob}}]
            """);

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        Assert.Contains("CN=bob", config.ClientCertificate!.Subject, StringComparison.Ordinal);
        Assert.Single(config.CaCertificates);
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "current-context: missing\ncontexts: []\nclusters: []", "context \"missing\" is not in the kubeconfig" },
        { "contexts: [{name: x, context: {cluster: nope}}]\ncurrent-context: x", "cluster \"nope\"" },
        { "current-context: x\ncontexts: [{name: x, context: {cluster: c, user: u}}]\nclusters: [{name: c, cluster: {server: \"https://a\"}}]\nusers: [{name: u, user: {exec: {command: aws}}}]", "exec or auth-provider" },
        { "current-context: x\ncontexts: [{name: x, context: {cluster: c}}]\nclusters: [{name: c, cluster: {server: \"https://a\", certificate-authority-data: \"!!notbase64\"}}]", "not valid base64" },
        { "- just\n- a list", "not a kubeconfig" },
        { "current-context: [unclosed", "not valid YAML" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Load_BrokenKubeconfig_ThrowsClearMessage(string yaml, string expected)
    {
        var path = Write("broken", yaml);

        var error = Assert.Throws<KubeConfigException>(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoFileExists_ThrowsNamingThePath()
    {
        var missing = Path.Combine(dir.FullName, "nope");

        var error = Assert.Throws<KubeConfigException>(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InClusterConfig_ServiceAccountFiles_UseTokenFileCaAndNamespace()
    {
        File.WriteAllText(Path.Combine(dir.FullName, "token"), "tok\n");
        File.WriteAllText(Path.Combine(dir.FullName, "ca.crt"), ca.CertificatePem);
        File.WriteAllText(Path.Combine(dir.FullName, "namespace"), "tollgate-system");
        Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_HOST", "10.0.0.1");
        Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_PORT", "443");
        try
        {
            var config = KubernetesClientConfiguration.InClusterConfig(dir.FullName);

            Assert.Equal(new Uri("https://10.0.0.1:443"), config.Host);
            Assert.Equal(Path.Combine(dir.FullName, "token"), config.TokenFile);
            Assert.Equal("tollgate-system", config.Namespace);
            Assert.Single(config.CaCertificates);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_HOST", null);
            Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_PORT", null);
        }
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }
}
