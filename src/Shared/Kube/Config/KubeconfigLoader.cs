using System.Text;
using YamlDotNet.RepresentationModel;

namespace Tollgate.Shared.Kube.Config;

/// <summary>
/// Reads kubeconfig files the way kubectl merges them: for clusters, users and contexts the first file that names an
/// entry wins, and the first non-empty current-context wins.
/// </summary>
public static class KubeconfigLoader
{
    public static IReadOnlyList<string> DefaultPaths()
    {
        var env = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return SplitPathList(env);
        }

        var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [Path.Combine(home, ".kube", "config")];
    }

    public static IReadOnlyList<string> SplitPathList(string pathList) =>
        pathList.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static KubernetesClientConfiguration Load(IReadOnlyList<string> paths, string? context)
    {
        var clusters = new Dictionary<string, (YamlMappingNode Node, string Dir)>(StringComparer.Ordinal);
        var users = new Dictionary<string, (YamlMappingNode Node, string Dir)>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        string? currentContext = null;
        var read = 0;

        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            var root = Parse(path);
            var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            read++;
            currentContext ??= NullIfEmpty(Scalar(root, "current-context"));
            foreach (var (name, node) in NamedEntries(root, "clusters", "cluster"))
            {
                clusters.TryAdd(name, (node, dir));
            }

            foreach (var (name, node) in NamedEntries(root, "users", "user"))
            {
                users.TryAdd(name, (node, dir));
            }

            foreach (var (name, node) in NamedEntries(root, "contexts", "context"))
            {
                contexts.TryAdd(name, node);
            }
        }

        if (read == 0)
        {
            throw new KubeConfigException($"no kubeconfig file exists at {string.Join(", ", paths)}");
        }

        var contextName = context ?? currentContext
            ?? throw new KubeConfigException("kubeconfig has no current-context and none was given");
        if (!contexts.TryGetValue(contextName, out var contextNode))
        {
            throw new KubeConfigException($"context \"{contextName}\" is not in the kubeconfig");
        }

        var clusterName = Scalar(contextNode, "cluster") ?? throw new KubeConfigException($"context \"{contextName}\" names no cluster");
        if (!clusters.TryGetValue(clusterName, out var cluster))
        {
            throw new KubeConfigException($"cluster \"{clusterName}\" (context \"{contextName}\") is not in the kubeconfig");
        }

        var userName = Scalar(contextNode, "user");
        (YamlMappingNode Node, string Dir)? user = null;
        if (!string.IsNullOrEmpty(userName))
        {
            user = users.TryGetValue(userName, out var u)
                ? u
                : throw new KubeConfigException($"user \"{userName}\" (context \"{contextName}\") is not in the kubeconfig");
        }

        return Build(contextName, NullIfEmpty(Scalar(contextNode, "namespace")), cluster, user);
    }

    private static KubernetesClientConfiguration Build(
        string contextName, string? @namespace, (YamlMappingNode Node, string Dir) cluster, (YamlMappingNode Node, string Dir)? user)
    {
        var server = Scalar(cluster.Node, "server") ?? throw new KubeConfigException("cluster has no server");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var host))
        {
            throw new KubeConfigException($"cluster server \"{server}\" is not an absolute URL");
        }

        var caPem = DataOrFile(cluster.Node, "certificate-authority-data", "certificate-authority", cluster.Dir);
        var config = new KubernetesClientConfiguration
        {
            Host = host,
            CurrentContext = contextName,
            Namespace = @namespace,
            SkipTlsVerify = string.Equals(Scalar(cluster.Node, "insecure-skip-tls-verify"), "true", StringComparison.OrdinalIgnoreCase),
            CaCertificates = caPem is null ? [] : PemCertificates.LoadCollection(caPem),
        };

        if (user is not { } u)
        {
            return config;
        }

        if (u.Node.Children.ContainsKey(new YamlScalarNode("exec")) || u.Node.Children.ContainsKey(new YamlScalarNode("auth-provider")))
        {
            throw new KubeConfigException("kubeconfig users with exec or auth-provider plugins are not supported; use a client certificate or token");
        }

        var certPem = DataOrFile(u.Node, "client-certificate-data", "client-certificate", u.Dir);
        var keyPem = DataOrFile(u.Node, "client-key-data", "client-key", u.Dir);
        if ((certPem is null) != (keyPem is null))
        {
            throw new KubeConfigException("kubeconfig user has a client certificate without a key, or a key without a certificate");
        }

        var tokenFile = Scalar(u.Node, "tokenFile");
        return config with
        {
            ClientCertificate = certPem is null ? null : PemCertificates.LoadClientCertificate(certPem, keyPem!),
            AccessToken = NullIfEmpty(Scalar(u.Node, "token")),
            TokenFile = string.IsNullOrEmpty(tokenFile) ? null : Path.Combine(u.Dir, tokenFile),
            Username = NullIfEmpty(Scalar(u.Node, "username")),
            Password = NullIfEmpty(Scalar(u.Node, "password")),
        };
    }

    private static YamlMappingNode Parse(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map
                ? map
                : throw new KubeConfigException($"{path} is not a kubeconfig (no top-level mapping)");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new KubeConfigException($"{path} is not valid YAML: {e.Message}", e);
        }
    }

    private static IEnumerable<(string Name, YamlMappingNode Node)> NamedEntries(YamlMappingNode root, string listKey, string entryKey)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(listKey), out var list) || list is not YamlSequenceNode sequence)
        {
            yield break;
        }

        foreach (var item in sequence.Children.OfType<YamlMappingNode>())
        {
            var name = Scalar(item, "name");
            if (!string.IsNullOrEmpty(name) && item.Children.TryGetValue(new YamlScalarNode(entryKey), out var body))
            {
                yield return (name, body as YamlMappingNode ?? new YamlMappingNode());
            }
        }
    }

    private static string? DataOrFile(YamlMappingNode node, string dataKey, string fileKey, string baseDir)
    {
        var data = Scalar(node, dataKey);
        if (!string.IsNullOrEmpty(data))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException e)
            {
                throw new KubeConfigException($"{dataKey} is not valid base64", e);
            }
        }

        var file = Scalar(node, fileKey);
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        var path = Path.Combine(baseDir, file);
        return File.Exists(path) ? File.ReadAllText(path) : throw new KubeConfigException($"{fileKey} {path} does not exist");
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
