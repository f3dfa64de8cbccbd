using k8s.KubeConfigModels;
using Official = k8s.KubernetesClientConfiguration;

namespace Tollgate.Shared.Kube.Config;

/// <summary>
/// Reads a KUBECONFIG-style list of files through the official client's kubeconfig model and builder, adding what that
/// model lacks (tokenFile, proxy-url, per-file relative paths, exec plugins run lazily instead of at load time).
/// </summary>
internal static class KubeconfigReader
{
    public const string ExecPluginTimeoutVariable = "TOLLGATE_EXEC_PLUGIN_TIMEOUT";

    // The official model, read by YamlDotNet as the model's own YamlMember aliases say. Not through the official
    // LoadKubeConfig: its KubernetesYaml class scans every type of the 12 MB assembly when first touched, which cost
    // the idle controller about 20 MiB of resident memory (docs/kubeconfig.md).
    private static readonly YamlDotNet.Serialization.IDeserializer ModelReader =
        new YamlDotNet.Serialization.DeserializerBuilder().IgnoreUnmatchedProperties().Build();

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

    public static KubernetesClientConfiguration Read(IReadOnlyList<string> paths, string? context)
    {
        var files = paths.Where(File.Exists).Select(Load).OfType<KubeconfigFile>().ToList();
        if (files.Count == 0)
        {
            throw new KubeConfigException($"no kubeconfig file exists at {string.Join(", ", paths)}");
        }

        var merged = KubeconfigMerge.Merge(files);
        var contextName = NullIfEmpty(context) ?? NullIfEmpty(merged.Model.CurrentContext)
            ?? throw new KubeConfigException("kubeconfig has no current-context and none was given");
        var contextEntry = merged.Model.Contexts?.FirstOrDefault(c => c.Name == contextName)
            ?? throw new KubeConfigException($"context \"{contextName}\" is not in the kubeconfig");
        var clusterName = contextEntry.ContextDetails?.Cluster;
        var userName = contextEntry.ContextDetails?.User;
        var user = string.IsNullOrEmpty(userName)
            ? null
            : merged.Model.Users?.FirstOrDefault(u => u.Name == userName)
                ?? throw new KubeConfigException($"user \"{userName}\" (context \"{contextName}\") is not in the kubeconfig");
        var tokenFile = userName is null ? null : merged.TokenFiles.GetValueOrDefault(userName);
        var credentials = user?.UserCredentials;
        if (KubeconfigUserRules.Refusal(credentials) is { } refusal)
        {
            throw new KubeConfigException($"kubeconfig user \"{userName}\": {refusal}");
        }

        var exec = credentials?.ExternalExecution;
        if (credentials is not null && exec is not null)
        {
            // The official builder runs the plugin while loading; ours runs it when a request needs it, so a failing
            // plugin is a retried request error instead of a crash at startup.
            credentials.ExternalExecution = null;
        }

        var useTokenFile = tokenFile is not null && string.IsNullOrWhiteSpace(credentials?.Token);
        if (credentials is not null && (exec is not null || useTokenFile) && !KubeconfigUserRules.HasModelledCredentials(credentials))
        {
            contextEntry.ContextDetails!.User = null;
        }

        Official official;
        try
        {
            official = Official.BuildConfigFromConfigObject(merged.Model, contextName);
        }
        catch (Exception e) when (e is not KubeConfigException)
        {
            throw new KubeConfigException($"kubeconfig context \"{contextName}\": {OneLine.Of(e.Message)}", e);
        }

        var plugin = exec is null ? null : new ExecCredentialPlugin(exec, ExecPluginTimeout());
        if (plugin is not null)
        {
            official.TokenProvider = plugin;
        }
        else if (useTokenFile)
        {
            official.TokenProvider = new k8s.Authentication.TokenFileAuth(tokenFile!);
        }

        var proxy = clusterName is null ? null : merged.ProxyUrls.GetValueOrDefault(clusterName);
        return new KubernetesClientConfiguration
        {
            Host = new Uri(official.Host),
            CaCertificates = official.SslCaCerts ?? [],
            Namespace = NullIfEmpty(official.Namespace),
            CurrentContext = contextName,
            Official = official,
            ExecPlugin = plugin,
            Proxy = proxy is null ? null : KubeconfigUserRules.ParseProxy(proxy, clusterName!),
        };
    }

    /// <summary>kubectl waits for a plugin forever; a controller cannot, so ours stops it after TOLLGATE_EXEC_PLUGIN_TIMEOUT seconds (default 120).</summary>
    private static TimeSpan ExecPluginTimeout()
    {
        var text = Environment.GetEnvironmentVariable(ExecPluginTimeoutVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ExecCredentialPlugin.DefaultTimeout;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new KubeConfigException($"{ExecPluginTimeoutVariable}=\"{text}\" is not a positive number of seconds");
    }

    private static KubeconfigFile? Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        try
        {
            using var reader = new StreamReader(fullPath);
            var model = ModelReader.Deserialize<K8SConfiguration?>(reader);
            return model is null ? null : new KubeconfigFile(fullPath, model, UnmodelledKubeconfigFields.Read(fullPath));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new KubeConfigException($"{path} is not a valid kubeconfig: line {e.Start.Line}, column {e.Start.Column}: {OneLine.Of(e.Message)}", e);
        }
        catch (Exception e) when (e is not KubeConfigException)
        {
            throw new KubeConfigException($"{path} is not a valid kubeconfig: {OneLine.Of(e.Message)}", e);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
