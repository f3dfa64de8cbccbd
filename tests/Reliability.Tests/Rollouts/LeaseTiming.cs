namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>The controller's --leader-election-* flags, as Go durations.</summary>
public sealed record LeaseTiming(string LeaseDuration, string RenewDeadline, string RetryPeriod)
{
    /// <summary>client-go's and Argo Rollouts' defaults, as shipped.</summary>
    public static LeaseTiming Shipped { get; } = new("15s", "10s", "2s");

    /// <summary>Short enough that a replacement takes over within seconds, so many kills fit in one canary.</summary>
    public static LeaseTiming Fast { get; } = new("4s", "3s", "500ms");
}
