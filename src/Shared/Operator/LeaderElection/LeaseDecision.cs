namespace Tollgate.Shared.Operator.LeaderElection;

/// <summary>The pure "can I acquire?" step of leader election, and the record to write when the answer is yes.</summary>
public sealed record LeaseDecision(LeaseClaimType Claim, LeaderElectionRecord? Desired)
{
    public bool CanWrite => Claim != LeaseClaimType.HeldByOther;

    /// <param name="existing">The Lease's record, or null when there is no Lease.</param>
    /// <param name="identity">This candidate.</param>
    /// <param name="now">This candidate's clock.</param>
    /// <param name="observedAt">
    /// When this candidate first saw <paramref name="existing"/> in its current form. Expiry is measured from that local
    /// time rather than the holder's renewTime, so clock skew between hosts cannot shorten a lease.
    /// </param>
    /// <param name="leaseDuration">Our lease duration, used when the record does not state one.</param>
    public static LeaseDecision Decide(
        LeaderElectionRecord? existing, string identity, DateTimeOffset now, DateTimeOffset observedAt, TimeSpan leaseDuration)
    {
        var desired = new LeaderElectionRecord(identity, (int)Math.Ceiling(leaseDuration.TotalSeconds), now, now, 0);
        if (existing is null)
        {
            return new LeaseDecision(LeaseClaimType.Create, desired);
        }

        if (existing.HolderIdentity == identity)
        {
            return new LeaseDecision(
                LeaseClaimType.Renew, desired with { AcquireTime = existing.AcquireTime ?? now, LeaseTransitions = existing.LeaseTransitions });
        }

        if (!string.IsNullOrEmpty(existing.HolderIdentity))
        {
            var duration = existing.LeaseDurationSeconds is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : leaseDuration;
            if (observedAt + duration > now)
            {
                return new LeaseDecision(LeaseClaimType.HeldByOther, null);
            }
        }

        return new LeaseDecision(LeaseClaimType.Acquire, desired with { LeaseTransitions = existing.LeaseTransitions + 1 });
    }
}
