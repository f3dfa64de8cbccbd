using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Admission.Registration;

/// <summary>How the API server reaches and trusts the webhooks, and which requests it sends them.</summary>
public sealed record WebhookInstallOptions
{
    /// <summary>The name of the ValidatingWebhookConfiguration.</summary>
    public required string ConfigurationName { get; init; }

    /// <summary>The PEM CA certificate(s) that signed the serving certificate.</summary>
    public required byte[] CaBundle { get; init; }

    /// <summary>Where the server listens, such as <c>https://127.0.0.1:8443</c>; each webhook's path is appended.</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>Instead of <see cref="BaseAddress"/>: the Service in front of the server (its path is replaced per webhook).</summary>
    public AdmissionregistrationV1ServiceReference? Service { get; init; }

    /// <summary>"Fail" (deny when the webhook cannot be called) or "Ignore".</summary>
    public string FailurePolicy { get; init; } = "Fail";

    /// <summary>"Equivalent": also called for the same resource through other API versions, converted to the registered one.</summary>
    public string MatchPolicy { get; init; } = "Equivalent";

    public int TimeoutSeconds { get; init; } = 10;

    public V1LabelSelector? NamespaceSelector { get; init; }

    public V1LabelSelector? ObjectSelector { get; init; }

    /// <summary>Appended to each webhook's name: the API server wants a qualified name with at least three labels.</summary>
    public string NameSuffix { get; init; } = "webhooks.tollgate.dev";

    public string FieldManager { get; init; } = "tollgate-webhooks";
}
