using Tollgate.Shared.Kube.Config;

namespace Tollgate.Rollouts;

/// <summary>Command-line flags, falling back to environment variables.</summary>
/// <param name="Kubeconfig">--kubeconfig, else KUBECONFIG, else in-cluster or ~/.kube/config.</param>
/// <param name="Namespace">--namespace: watch one namespace (default: all).</param>
/// <param name="BindAddress">--bind-address for /metrics, /healthz and /readyz (default 0.0.0.0:8080).</param>
/// <param name="LeaderElection">--leader-elect=false turns leader election off (it is on by default).</param>
/// <param name="LeaseNamespace">--lease-namespace, else POD_NAMESPACE.</param>
public sealed record RolloutsSettings(string? Kubeconfig, string? Namespace, string BindAddress, bool LeaderElection, string? LeaseNamespace)
{
    public static RolloutsSettings FromArguments(IReadOnlyList<string> arguments, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        string? Flag(string name)
        {
            for (var index = 0; index < arguments.Count; index++)
            {
                if (arguments[index] == $"--{name}" && index + 1 < arguments.Count)
                {
                    return arguments[index + 1];
                }

                if (arguments[index].StartsWith($"--{name}=", StringComparison.Ordinal))
                {
                    return arguments[index][(name.Length + 3)..];
                }
            }

            return null;
        }

        return new RolloutsSettings(
            Flag("kubeconfig") ?? environment("KUBECONFIG"),
            Flag("namespace") ?? environment("TOLLGATE_NAMESPACE"),
            Flag("bind-address") ?? environment("TOLLGATE_BIND_ADDRESS") ?? "0.0.0.0:8080",
            !string.Equals(Flag("leader-elect") ?? environment("TOLLGATE_LEADER_ELECT"), "false", StringComparison.OrdinalIgnoreCase),
            Flag("lease-namespace") ?? environment("POD_NAMESPACE"));
    }

    public KubernetesClientConfiguration LoadKubernetesConfiguration() =>
        Kubeconfig is { Length: > 0 } path
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path.Split(':')[0])
            : KubernetesClientConfiguration.BuildDefaultConfig();
}
