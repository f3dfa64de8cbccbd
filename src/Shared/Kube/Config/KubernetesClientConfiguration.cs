using System.Security.Cryptography.X509Certificates;
using Official = k8s.KubernetesClientConfiguration;

namespace Tollgate.Shared.Kube.Config;

/// <summary>
/// How to reach and authenticate to one API server. Kubeconfig parsing, TLS, tokens, client certificates and OIDC come
/// from the official KubernetesClient (<see cref="Official"/>); exec plugins, tokenFile and proxy-url are our shim.
/// </summary>
public sealed record KubernetesClientConfiguration
{
    public required Uri Host { get; init; }

    /// <summary>CA certificates that may sign the server's certificate; empty means the system trust store.</summary>
    public X509Certificate2Collection CaCertificates { get; init; } = [];

    /// <summary>The context's default namespace, or the pod's namespace in cluster.</summary>
    public string? Namespace { get; init; }

    public string? CurrentContext { get; init; }

    /// <summary>Upper bound for one non-watch request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; init; } = "tollgate/0.1";

    /// <summary>TLS and credentials as the official client built them; null means anonymous, trusting <see cref="CaCertificates"/>.</summary>
    public Official? Official { get; init; }

    /// <summary>The kubeconfig user's exec plugin, run when a request needs credentials (not at load time).</summary>
    public ExecCredentialPlugin? ExecPlugin { get; init; }

    /// <summary>The cluster's proxy-url, or null for the HTTPS_PROXY / NO_PROXY environment.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>KUBECONFIG (or ~/.kube/config) when present, otherwise the in-cluster service account.</summary>
    public static KubernetesClientConfiguration BuildDefaultConfig()
    {
        var paths = KubeconfigReader.DefaultPaths();
        if (paths.Any(File.Exists))
        {
            return KubeconfigReader.Read(paths, context: null);
        }

        if (IsInCluster())
        {
            return InClusterConfig();
        }

        throw new KubeConfigException(
            $"no kubeconfig found (looked at {string.Join(", ", paths)}) and not running in a cluster; set KUBECONFIG");
    }

    /// <summary>Loads a kubeconfig: <paramref name="kubeconfigPath"/> may be a KUBECONFIG-style list of files.</summary>
    public static KubernetesClientConfiguration BuildConfigFromConfigFile(string? kubeconfigPath = null, string? currentContext = null)
    {
        var paths = kubeconfigPath is null ? KubeconfigReader.DefaultPaths() : KubeconfigReader.SplitPathList(kubeconfigPath);
        return KubeconfigReader.Read(paths, currentContext);
    }

    public static bool IsInCluster() => Official.IsInCluster();

    /// <summary>The pod's service account; its token file is re-read every minute by the official client.</summary>
    public static KubernetesClientConfiguration InClusterConfig()
    {
        try
        {
            var official = Official.InClusterConfig();
            return new KubernetesClientConfiguration
            {
                Host = new Uri(official.Host),
                CaCertificates = official.SslCaCerts ?? [],
                Namespace = official.Namespace?.Trim(),
                Official = official,
            };
        }
        catch (k8s.Exceptions.KubeConfigException e)
        {
            throw new KubeConfigException(OneLine.Of(e.Message), e);
        }
    }
}
