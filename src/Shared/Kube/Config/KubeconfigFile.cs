using k8s.KubeConfigModels;

namespace Tollgate.Shared.Kube.Config;

/// <summary>One kubeconfig file: the official model plus the fields that model drops.</summary>
internal sealed record KubeconfigFile(string Path, K8SConfiguration Model, UnmodelledKubeconfigFields Extra);
