namespace Tollgate.Webhooks.Hosting;

/// <summary>How the webhook server runs, from flags and environment variables (flags win).</summary>
public sealed record WebhookServerOptions
{
    public const int DefaultPort = 9443;
    public const string DefaultConfigurationName = "tollgate-webhooks";

    /// <summary>The HTTPS port for the webhooks, /metrics, /healthz and /readyz; 0 picks a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Listen on 127.0.0.1 only (always so in self-signed mode).</summary>
    public bool Loopback { get; init; }

    /// <summary>Whom the server reads as (informers, settings ConfigMap, discovery) and writes Events as.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>
    /// Self-signed mode only: whom the webhook configuration is written and deleted as, a deploy-time right the
    /// webhooks' own role lacks. Null means <see cref="Kubeconfig"/>.
    /// </summary>
    public string? RegistrationKubeconfig { get; init; }

    /// <summary>A directory holding tls.crt and tls.key (reloaded when they change).</summary>
    public string? CertificateDirectory { get; init; }

    /// <summary>Generate a CA and serving certificate and register the webhooks at https://127.0.0.1:&lt;port&gt;.</summary>
    public bool SelfSigned { get; init; }

    public string? SettingsFile { get; init; }

    /// <summary>Instead of a file: the ConfigMap (<c>namespace/name</c>) whose <c>settings.yaml</c> key holds the settings.</summary>
    public string? SettingsConfigMap { get; init; }

    /// <summary>The ValidatingWebhookConfiguration written in self-signed mode (and deleted on shutdown).</summary>
    public string ConfigurationName { get; init; } = DefaultConfigurationName;

    /// <summary>Namespaces never sent to the webhooks, so a dead webhook cannot lock the cluster out.</summary>
    public IReadOnlyList<string> ExcludedNamespaces { get; init; } = ["kube-system", "tollgate-system"];
}
