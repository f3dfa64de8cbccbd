using Tollgate.Webhooks.Hosting;

namespace Tollgate.Webhooks.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_SelfSigned_LoopbackAndDefaults()
    {
        var options = CommandLine.Parse(["--self-signed", "--port", "0"], _ => null);

        Assert.True(options.SelfSigned);
        Assert.True(options.Loopback);
        Assert.Equal(0, options.Port);
        Assert.Equal(["kube-system", "tollgate-system"], options.ExcludedNamespaces);
    }

    [Fact]
    public void Parse_EnvironmentAndFlags_FlagsWin()
    {
        var environment = new Dictionary<string, string> { ["TOLLGATE_CERT_DIR"] = "/certs", ["TOLLGATE_PORT"] = "8443", ["TOLLGATE_SETTINGS"] = "/etc/a.yaml" };

        var options = CommandLine.Parse(["--settings", "/etc/b.yaml", "--kubeconfig", "/k", "--exclude-namespaces", "kube-system, ops"], key => environment.GetValueOrDefault(key));

        Assert.Equal(("/certs", 8443, "/etc/b.yaml", "/k"), (options.CertificateDirectory, options.Port, options.SettingsFile, options.Kubeconfig));
        Assert.Equal(["kube-system", "ops"], options.ExcludedNamespaces);
    }

    [Fact]
    public void Parse_SelfSignedWithoutRegistrationKubeconfig_RegistersWithTheMainKubeconfig()
    {
        var options = CommandLine.Parse(["--self-signed", "--kubeconfig", "/webhooks"], _ => null);

        Assert.Equal(("/webhooks", null), (options.Kubeconfig, options.RegistrationKubeconfig));
    }

    [Fact]
    public void Parse_SelfSignedWithRegistrationKubeconfig_BothKept()
    {
        var options = CommandLine.Parse(["--self-signed", "--kubeconfig", "/webhooks", "--registration-kubeconfig", "/admin"], _ => null);

        Assert.Equal(("/webhooks", "/admin"), (options.Kubeconfig, options.RegistrationKubeconfig));
    }

    [Fact]
    public void Usage_Always_DocumentsRegistrationKubeconfig() =>
        Assert.Contains("--registration-kubeconfig <path>", CommandLine.Usage, StringComparison.Ordinal);

    [Fact]
    public void Parse_SettingsConfigMap_NamespaceAndName()
    {
        var options = CommandLine.Parse(["--self-signed", "--settings-configmap", "tollgate-system/tollgate-settings"], _ => null);

        Assert.Equal("tollgate-system/tollgate-settings", options.SettingsConfigMap);
    }

    [Theory]
    [InlineData(new[] { "--self-signed", "--settings-configmap", "tollgate-settings" }, "is not namespace/name")]
    [InlineData(new string[0], "--cert-dir")]
    [InlineData(new[] { "--self-signed", "--bogus" }, "unknown flag --bogus")]
    [InlineData(new[] { "--self-signed", "--port" }, "--port needs a value")]
    [InlineData(new[] { "--self-signed", "--port", "http" }, "'http' is not a port")]
    [InlineData(new[] { "--self-signed", "--registration-kubeconfig" }, "--registration-kubeconfig needs a value")]
    [InlineData(new[] { "--cert-dir", "/certs", "--registration-kubeconfig", "/admin" }, "--registration-kubeconfig applies only with --self-signed")]
    public void Parse_Invalid_FormatException(string[] args, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => CommandLine.Parse(args, _ => null)).Message, StringComparison.Ordinal);
}
