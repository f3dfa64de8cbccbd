using System.Globalization;

namespace Tollgate.Webhooks.Hosting;

/// <summary>Pure: reads the server's flags and environment into <see cref="WebhookServerOptions"/>.</summary>
public static class CommandLine
{
    public const string Usage = """
        tollgate-webhooks [flags]
          --port <n>                 HTTPS port for webhooks, /metrics, /healthz, /readyz (default 9443; env TOLLGATE_PORT)
          --kubeconfig <path>        kubeconfig (default: KUBECONFIG, ~/.kube/config, then in-cluster)
          --cert-dir <dir>           directory with tls.crt and tls.key (env TOLLGATE_CERT_DIR)
          --self-signed              local mode: own CA, listen on 127.0.0.1, register the webhooks there
          --registration-kubeconfig <path>  self-signed mode: write and delete the webhook configuration with this
                                     kubeconfig; reads and Events still use --kubeconfig (default: --kubeconfig)
          --settings <file>          Tollgate settings YAML (env TOLLGATE_SETTINGS)
          --settings-configmap <ns/name>  read the settings.yaml key of a ConfigMap instead, and watch it
          --configuration-name <n>   ValidatingWebhookConfiguration name in self-signed mode (default tollgate-webhooks)
          --exclude-namespaces <a,b> namespaces never sent to the webhooks (default kube-system,tollgate-system)
        """;

    /// <exception cref="FormatException">An unknown flag, a missing value, or neither certificates nor self-signed mode.</exception>
    public static WebhookServerOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var options = new WebhookServerOptions
        {
            Port = environment("TOLLGATE_PORT") is { Length: > 0 } port ? ParsePort(port) : WebhookServerOptions.DefaultPort,
            CertificateDirectory = NonEmpty(environment("TOLLGATE_CERT_DIR")),
            SettingsFile = NonEmpty(environment("TOLLGATE_SETTINGS")),
        };

        for (var index = 0; index < args.Count; index++)
        {
            var flag = args[index];
            string Value() => index + 1 < args.Count ? args[++index] : throw new FormatException($"{flag} needs a value");
            options = flag switch
            {
                "--port" => options with { Port = ParsePort(Value()) },
                "--kubeconfig" => options with { Kubeconfig = Value() },
                "--registration-kubeconfig" => options with { RegistrationKubeconfig = Value() },
                "--cert-dir" => options with { CertificateDirectory = Value() },
                "--self-signed" => options with { SelfSigned = true, Loopback = true },
                "--settings" => options with { SettingsFile = Value() },
                "--settings-configmap" => options with { SettingsConfigMap = ConfigMapReference(Value()) },
                "--configuration-name" => options with { ConfigurationName = Value() },
                "--exclude-namespaces" => options with { ExcludedNamespaces = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                _ => throw new FormatException($"unknown flag {flag}"),
            };
        }

        if (!options.SelfSigned && options.CertificateDirectory is null)
        {
            throw new FormatException("set --cert-dir (tls.crt and tls.key) or --self-signed");
        }

        if (!options.SelfSigned && options.RegistrationKubeconfig is not null)
        {
            throw new FormatException("--registration-kubeconfig applies only with --self-signed (config/webhook registers the webhooks in a cluster)");
        }

        return options;
    }

    private static string ConfigMapReference(string text) =>
        text.Split('/') is [{ Length: > 0 }, { Length: > 0 }] ? text : throw new FormatException($"'{text}' is not namespace/name");

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new FormatException($"'{text}' is not a port");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
