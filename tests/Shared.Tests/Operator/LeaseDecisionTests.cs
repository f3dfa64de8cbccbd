using Tollgate.Shared.Operator.LeaderElection;

namespace Tollgate.Shared.Tests.Operator;

public sealed class LeaseDecisionTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Holder ("" for none, null for no Lease), its stated duration, seconds since we observed the record, and the
    /// expected claim.
    /// </summary>
    public static TheoryData<string?, int?, double, LeaseClaimType> Cases => new()
    {
        { null, null, 0, LeaseClaimType.Create },
        { "me", 15, 0, LeaseClaimType.Renew },
        { "me", 15, 60, LeaseClaimType.Renew },
        { "other", 15, 0, LeaseClaimType.HeldByOther },
        { "other", 15, 14.9, LeaseClaimType.HeldByOther },
        { "other", 15, 15, LeaseClaimType.Acquire },
        { "other", 15, 100, LeaseClaimType.Acquire },
        { "other", 60, 30, LeaseClaimType.HeldByOther },
        { "other", null, 14, LeaseClaimType.HeldByOther },
        { "other", null, 16, LeaseClaimType.Acquire },
        { "", 1, 0, LeaseClaimType.Acquire },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_HolderAndObservedAge_GivesClaim(string? holder, int? durationSeconds, double observedSecondsAgo, LeaseClaimType expected)
    {
        var existing = holder is null ? null : new LeaderElectionRecord(holder, durationSeconds, T0, T0, 3);
        var now = T0 + TimeSpan.FromSeconds(100);

        var decision = LeaseDecision.Decide(existing, "me", now, now - TimeSpan.FromSeconds(observedSecondsAgo), Lease);

        Assert.Equal(expected, decision.Claim);
        Assert.Equal(expected != LeaseClaimType.HeldByOther, decision.CanWrite);
    }

    [Fact]
    public void Decide_Renew_KeepsAcquireTimeAndTransitionsAndStampsRenewTime()
    {
        var now = T0 + TimeSpan.FromSeconds(30);

        var decision = LeaseDecision.Decide(new LeaderElectionRecord("me", 15, T0, T0, 4), "me", now, T0, Lease);

        Assert.Equal(new LeaderElectionRecord("me", 15, T0, now, 4), decision.Desired);
    }

    [Fact]
    public void Decide_TakeOver_StampsBothTimesAndCountsATransition()
    {
        var now = T0 + TimeSpan.FromSeconds(30);

        var decision = LeaseDecision.Decide(new LeaderElectionRecord("other", 15, T0, T0, 4), "me", now, T0, Lease);

        Assert.Equal(new LeaderElectionRecord("me", 15, now, now, 5), decision.Desired);
    }

    [Fact]
    public void Decide_NoLease_CreatesWithZeroTransitions()
    {
        var decision = LeaseDecision.Decide(null, "me", T0, T0, TimeSpan.FromSeconds(7.5));

        Assert.Equal(new LeaderElectionRecord("me", 8, T0, T0, 0), decision.Desired);
    }

    [Fact]
    public void Validate_RenewDeadlineNotShorterThanLease_Throws()
    {
        var options = new LeaderElectionOptions
        {
            LeaseName = "l",
            LeaseNamespace = "ns",
            LeaseDuration = TimeSpan.FromSeconds(10),
            RenewDeadline = TimeSpan.FromSeconds(10),
        };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Identity_TwoDefaultOptions_DifferButShareTheHostName()
    {
        var a = new LeaderElectionOptions { LeaseName = "l", LeaseNamespace = "ns" };
        var b = new LeaderElectionOptions { LeaseName = "l", LeaseNamespace = "ns" };

        Assert.NotEqual(a.Identity, b.Identity);
        Assert.StartsWith(Environment.MachineName + "_", a.Identity, StringComparison.Ordinal);
    }
}
