namespace Tollgate.Shared.Operator.LeaderElection;

public enum LeaseClaimType
{
    /// <summary>No Lease exists: create it holding it.</summary>
    Create,

    /// <summary>We hold it: write a new renewTime.</summary>
    Renew,

    /// <summary>Free, released or expired: take it over.</summary>
    Acquire,

    /// <summary>Someone else holds a lease that has not expired: wait.</summary>
    HeldByOther,
}
