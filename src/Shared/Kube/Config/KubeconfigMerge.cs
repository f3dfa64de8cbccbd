using k8s.KubeConfigModels;

namespace Tollgate.Shared.Kube.Config;

/// <summary>
/// kubectl's merge rule: for clusters, users and contexts the first file naming an entry wins, and the first non-empty
/// current-context wins. The official client merges only KUBECONFIG (not an explicit list) and resolves every relative
/// path against the first file, so the merge is ours.
/// </summary>
internal static class KubeconfigMerge
{
    public static MergedKubeconfig Merge(IReadOnlyList<KubeconfigFile> files)
    {
        var clusters = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var users = new Dictionary<string, User>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, Context>(StringComparer.Ordinal);
        var tokenFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var proxyUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        string? currentContext = null;
        foreach (var file in files)
        {
            var dir = System.IO.Path.GetDirectoryName(file.Path)!;
            currentContext ??= string.IsNullOrEmpty(file.Model.CurrentContext) ? null : file.Model.CurrentContext;
            foreach (var cluster in file.Model.Clusters ?? [])
            {
                if (cluster.Name is { } name && clusters.TryAdd(name, cluster))
                {
                    if (cluster.ClusterEndpoint is { } endpoint)
                    {
                        endpoint.CertificateAuthority = Absolute(dir, endpoint.CertificateAuthority);
                    }

                    if (file.Extra.ProxyUrls.TryGetValue(name, out var proxy))
                    {
                        proxyUrls[name] = proxy;
                    }
                }
            }

            foreach (var user in file.Model.Users ?? [])
            {
                if (user.Name is { } name && users.TryAdd(name, user))
                {
                    if (user.UserCredentials is { } credentials)
                    {
                        credentials.ClientCertificate = Absolute(dir, credentials.ClientCertificate);
                        credentials.ClientKey = Absolute(dir, credentials.ClientKey);
                        if (credentials.ExternalExecution is { Command: { } command } exec && command.Contains('/', StringComparison.Ordinal))
                        {
                            // kubectl: a command with a path separator is relative to the kubeconfig; a bare name is looked up in PATH.
                            exec.Command = Absolute(dir, command);
                        }
                    }

                    if (file.Extra.TokenFiles.TryGetValue(name, out var tokenFile))
                    {
                        tokenFiles[name] = Absolute(dir, tokenFile)!;
                    }
                }
            }

            foreach (var context in file.Model.Contexts ?? [])
            {
                if (context.Name is { } name)
                {
                    contexts.TryAdd(name, context);
                }
            }
        }

        var model = new K8SConfiguration
        {
            CurrentContext = currentContext,
            Clusters = [.. clusters.Values],
            Users = [.. users.Values],
            Contexts = [.. contexts.Values],
        };
        return new MergedKubeconfig(model, tokenFiles, proxyUrls);
    }

    private static string? Absolute(string dir, string? path) =>
        string.IsNullOrEmpty(path) || System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, path));
}
