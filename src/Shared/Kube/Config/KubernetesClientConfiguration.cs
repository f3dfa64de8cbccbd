using System.Security.Cryptography.X509Certificates;

namespace Tollgate.Shared.Kube.Config;

/// <summary>How to reach and authenticate to one API server; built from a kubeconfig or from in-cluster files.</summary>
public sealed record KubernetesClientConfiguration
{
    public const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public required Uri Host { get; init; }

    /// <summary>CA certificates that may sign the server's certificate; empty means the system trust store.</summary>
    public X509Certificate2Collection CaCertificates { get; init; } = [];

    public X509Certificate2? ClientCertificate { get; init; }

    public string? AccessToken { get; init; }

    /// <summary>A token file re-read when it rotates (projected service-account tokens).</summary>
    public string? TokenFile { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public bool SkipTlsVerify { get; init; }

    /// <summary>The context's default namespace, or the pod's namespace in cluster.</summary>
    public string? Namespace { get; init; }

    public string? CurrentContext { get; init; }

    /// <summary>Upper bound for one non-watch request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; init; } = "tollgate/0.1";

    /// <summary>KUBECONFIG (or ~/.kube/config) when present, otherwise the in-cluster service account.</summary>
    public static KubernetesClientConfiguration BuildDefaultConfig()
    {
        var paths = KubeconfigLoader.DefaultPaths();
        if (paths.Any(File.Exists))
        {
            return KubeconfigLoader.Load(paths, context: null);
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
        var paths = kubeconfigPath is null ? KubeconfigLoader.DefaultPaths() : KubeconfigLoader.SplitPathList(kubeconfigPath);
        return KubeconfigLoader.Load(paths, currentContext);
    }

    public static bool IsInCluster() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
        && File.Exists(Path.Combine(ServiceAccountDirectory, "token"));

    public static KubernetesClientConfiguration InClusterConfig(string serviceAccountDirectory = ServiceAccountDirectory)
    {
        var host = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var port = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException("not in a cluster: KUBERNETES_SERVICE_HOST / KUBERNETES_SERVICE_PORT are not set");
        }

        var tokenFile = Path.Combine(serviceAccountDirectory, "token");
        if (!File.Exists(tokenFile))
        {
            throw new KubeConfigException($"not in a cluster: {tokenFile} does not exist");
        }

        var caFile = Path.Combine(serviceAccountDirectory, "ca.crt");
        var namespaceFile = Path.Combine(serviceAccountDirectory, "namespace");
        var hostPart = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new KubernetesClientConfiguration
        {
            Host = new Uri($"https://{hostPart}:{port}"),
            CaCertificates = File.Exists(caFile) ? PemCertificates.LoadCollection(File.ReadAllText(caFile)) : [],
            TokenFile = tokenFile,
            Namespace = File.Exists(namespaceFile) ? File.ReadAllText(namespaceFile).Trim() : null,
        };
    }
}
