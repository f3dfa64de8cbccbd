using System.Security.Cryptography;

namespace Tollgate.Shared.Operator.LeaderElection;

/// <summary>Which Lease to contend for, who we are, and client-go's timing (15 s lease, 10 s renew deadline, 2 s retry).</summary>
public sealed record LeaderElectionOptions
{
    public required string LeaseName { get; init; }

    public required string LeaseNamespace { get; init; }

    /// <summary>Unique per process: the host name plus a random suffix, so two processes on one host never share it.</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}_{RandomNumberGenerator.GetHexString(8, lowercase: true)}";

    /// <summary>How long others wait after the last observed renewal before taking over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps failing to renew before it stops leading (shorter than the lease).</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The interval between attempts to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>On a clean stop, empty the Lease's holder so another candidate takes over at once.</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LeaseName);
        ArgumentException.ThrowIfNullOrWhiteSpace(LeaseNamespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(Identity);
        if (RetryPeriod <= TimeSpan.Zero || RenewDeadline <= RetryPeriod || LeaseDuration <= RenewDeadline)
        {
            throw new ArgumentException(
                $"leader election needs 0 < RetryPeriod ({RetryPeriod}) < RenewDeadline ({RenewDeadline}) < LeaseDuration ({LeaseDuration})");
        }
    }
}
