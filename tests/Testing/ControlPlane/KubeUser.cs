using Tollgate.Shared.Kube.Config;

namespace Tollgate.Testing.ControlPlane;

/// <summary>An identity minted for a test: use <see cref="KubeconfigPath"/> with kubectl or <see cref="Configuration"/> with the client.</summary>
public sealed record KubeUser(string Name, IReadOnlyList<string> Groups, string KubeconfigPath, KubernetesClientConfiguration Configuration);
