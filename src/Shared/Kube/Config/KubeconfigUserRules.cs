using k8s.KubeConfigModels;

namespace Tollgate.Shared.Kube.Config;

/// <summary>Which kubeconfig user settings we can honour, and the refusal for those we cannot (never silently ignored).</summary>
public static class KubeconfigUserRules
{
    public static readonly IReadOnlySet<string> ExecApiVersions = new HashSet<string>(StringComparer.Ordinal)
    {
        "client.authentication.k8s.io/v1",
        "client.authentication.k8s.io/v1beta1",
    };

    /// <summary>Null when usable; otherwise why not, in one line.</summary>
    public static string? Refusal(UserCredentials? user)
    {
        if (user is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(user.Impersonate) || user.ImpersonateGroups?.Any() == true || user.ImpersonateUserExtra?.Count > 0)
        {
            return "impersonation (as, as-groups, as-user-extra) is not supported";
        }

        if (user.AuthProvider is { } provider && provider.Name != "oidc")
        {
            return $"auth-provider \"{provider.Name}\" is not supported (only oidc); use an exec credential plugin instead";
        }

        if (user.ExternalExecution is { } exec)
        {
            if (string.IsNullOrWhiteSpace(exec.Command))
            {
                return "exec plugin has no command";
            }

            if (exec.ApiVersion is null || !ExecApiVersions.Contains(exec.ApiVersion))
            {
                return $"exec plugin \"{exec.Command}\": apiVersion \"{exec.ApiVersion}\" is not supported (use {string.Join(" or ", ExecApiVersions.Order(StringComparer.Ordinal))})";
            }

            if (exec.ProvideClusterInfo)
            {
                return $"exec plugin \"{exec.Command}\": provideClusterInfo is not supported";
            }
        }

        return null;
    }

    /// <summary>Credentials the official builder reads itself (exec and tokenFile are ours).</summary>
    public static bool HasModelledCredentials(UserCredentials user) =>
        !string.IsNullOrWhiteSpace(user.Token)
        || (!string.IsNullOrWhiteSpace(user.UserName) && !string.IsNullOrWhiteSpace(user.Password))
        || (!string.IsNullOrWhiteSpace(user.ClientCertificateData) && !string.IsNullOrWhiteSpace(user.ClientKeyData))
        || (!string.IsNullOrWhiteSpace(user.ClientCertificate) && !string.IsNullOrWhiteSpace(user.ClientKey))
        || user.AuthProvider is not null;

    /// <summary>kubectl accepts http, https and socks5 proxy URLs.</summary>
    public static Uri ParseProxy(string proxyUrl, string clusterName) =>
        Uri.TryCreate(proxyUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "socks5"
            ? uri
            : throw new KubeConfigException($"cluster \"{clusterName}\": proxy-url \"{proxyUrl}\" is not an http, https or socks5 URL");
}
