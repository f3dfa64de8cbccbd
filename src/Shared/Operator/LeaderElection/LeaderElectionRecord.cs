using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.LeaderElection;

/// <summary>The leader-election fields of a Lease's spec.</summary>
public sealed record LeaderElectionRecord(
    string? HolderIdentity, int? LeaseDurationSeconds, DateTimeOffset? AcquireTime, DateTimeOffset? RenewTime, int LeaseTransitions)
{
    public static LeaderElectionRecord From(V1LeaseSpec? spec) =>
        new(spec?.HolderIdentity, spec?.LeaseDurationSeconds, spec?.AcquireTime, spec?.RenewTime, spec?.LeaseTransitions ?? 0);

    public V1LeaseSpec ApplyTo(V1LeaseSpec? spec)
    {
        var target = spec ?? new V1LeaseSpec();
        target.HolderIdentity = string.IsNullOrEmpty(HolderIdentity) ? null : HolderIdentity;
        target.LeaseDurationSeconds = LeaseDurationSeconds;
        target.AcquireTime = AcquireTime;
        target.RenewTime = RenewTime;
        target.LeaseTransitions = LeaseTransitions;
        return target;
    }
}
