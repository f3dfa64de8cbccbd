using Tollgate.Shared.Durations;
using Tollgate.Shared.Kube.Config;

namespace Tollgate.Rollouts;

/// <summary>Command-line flags, falling back to environment variables.</summary>
/// <param name="Kubeconfig">--kubeconfig, else KUBECONFIG, else in-cluster or ~/.kube/config.</param>
/// <param name="Namespace">--namespace: watch one namespace (default: all).</param>
/// <param name="BindAddress">--bind-address for /metrics, /healthz and /readyz (default 0.0.0.0:8080).</param>
/// <param name="LeaderElection">--leader-elect=false turns leader election off (it is on by default).</param>
/// <param name="LeaseNamespace">--lease-namespace, else POD_NAMESPACE.</param>
/// <param name="LeaseName">--lease-name, else TOLLGATE_LEASE_NAME, else <see cref="DefaultLeaseName"/>.</param>
public sealed record RolloutsSettings(string? Kubeconfig, string? Namespace, string BindAddress, bool LeaderElection, string? LeaseNamespace, string LeaseName)
{
    /// <summary>
    /// The Lease every earlier version used (the runtime's "{operator name}-leader"): renaming it would let an old and a
    /// new replica both lead during a rolling upgrade.
    /// </summary>
    public const string DefaultLeaseName = "tollgate-rollouts-leader";

    /// <summary>--leader-election-lease-duration (Argo Rollouts' flag, Go duration): how long a standby waits for an unrenewed Lease.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>--leader-election-renew-deadline: how long the leader keeps failing to renew before it stops leading.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>--leader-election-retry-period: the interval between attempts to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>--rollout-threads (Argo Rollouts' flag and default): workers of the Rollout controller.</summary>
    public int RolloutThreads { get; init; } = DefaultRolloutThreads;

    /// <summary>--analysis-threads (Argo Rollouts' flag and default): workers of the AnalysisRun controller.</summary>
    public int AnalysisThreads { get; init; } = DefaultAnalysisThreads;

    public const int DefaultRolloutThreads = 10;

    public const int DefaultAnalysisThreads = 30;

    /// <exception cref="FormatException">A leader-election duration is not a positive Go duration, or a thread count not a positive integer; the message names the flag.</exception>
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
            Flag("lease-namespace") ?? environment("POD_NAMESPACE"),
            NonEmpty(Flag("lease-name")) ?? NonEmpty(environment("TOLLGATE_LEASE_NAME")) ?? DefaultLeaseName)
        {
            LeaseDuration = Duration("leader-election-lease-duration", Flag("leader-election-lease-duration"), TimeSpan.FromSeconds(15)),
            RenewDeadline = Duration("leader-election-renew-deadline", Flag("leader-election-renew-deadline"), TimeSpan.FromSeconds(10)),
            RetryPeriod = Duration("leader-election-retry-period", Flag("leader-election-retry-period"), TimeSpan.FromSeconds(2)),
            RolloutThreads = Threads("rollout-threads", Flag("rollout-threads"), DefaultRolloutThreads),
            AnalysisThreads = Threads("analysis-threads", Flag("analysis-threads"), DefaultAnalysisThreads),
        };
    }

    private static int Threads(string flag, string? text, int fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var threads) && threads > 0
            ? threads
            : throw new FormatException($"--{flag} {text}: must be a positive integer");
    }

    private static TimeSpan Duration(string flag, string? text, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!GoDuration.TryParse(text, out var duration, out var error))
        {
            throw new FormatException($"--{flag} {text}: {error}");
        }

        return duration.Nanoseconds > 0 ? duration.ToTimeSpan() : throw new FormatException($"--{flag} {text}: must be positive");
    }

    public KubernetesClientConfiguration LoadKubernetesConfiguration() =>
        Kubeconfig is { Length: > 0 } path
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path)
            : KubernetesClientConfiguration.BuildDefaultConfig();

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
