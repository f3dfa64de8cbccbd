using k8s.KubeConfigModels;

namespace Tollgate.Shared.Kube.Config;

/// <summary>A KUBECONFIG list merged as kubectl merges it, with every file path made absolute against its own file.</summary>
internal sealed record MergedKubeconfig(
    K8SConfiguration Model,
    IReadOnlyDictionary<string, string> TokenFiles,
    IReadOnlyDictionary<string, string> ProxyUrls);
