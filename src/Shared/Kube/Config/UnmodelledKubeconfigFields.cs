using YamlDotNet.RepresentationModel;

namespace Tollgate.Shared.Kube.Config;

/// <summary>kubeconfig fields kubectl honours that the official client's model drops: users[].user.tokenFile and clusters[].cluster.proxy-url.</summary>
internal sealed record UnmodelledKubeconfigFields(
    IReadOnlyDictionary<string, string> TokenFiles,
    IReadOnlyDictionary<string, string> ProxyUrls)
{
    public static UnmodelledKubeconfigFields Read(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new UnmodelledKubeconfigFields(new Dictionary<string, string>(), new Dictionary<string, string>());
        }

        return new UnmodelledKubeconfigFields(Scalars(root, "users", "user", "tokenFile"), Scalars(root, "clusters", "cluster", "proxy-url"));
    }

    private static Dictionary<string, string> Scalars(YamlMappingNode root, string listKey, string entryKey, string fieldKey)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.Children.TryGetValue(new YamlScalarNode(listKey), out var list) || list is not YamlSequenceNode sequence)
        {
            return found;
        }

        foreach (var item in sequence.Children.OfType<YamlMappingNode>())
        {
            if (Scalar(item, "name") is { Length: > 0 } name
                && item.Children.TryGetValue(new YamlScalarNode(entryKey), out var body)
                && body is YamlMappingNode entry
                && Scalar(entry, fieldKey) is { Length: > 0 } value)
            {
                found.TryAdd(name, value);
            }
        }

        return found;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
