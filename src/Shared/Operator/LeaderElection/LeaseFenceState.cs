namespace Tollgate.Shared.Operator.LeaderElection;

/// <summary>What the write fence knows of this replica's leadership at one moment.</summary>
/// <param name="Leading">Whether the elector considers itself leader.</param>
/// <param name="SinceRenewal">Monotonic time since the start of the last successful acquire or renew of the Lease.</param>
public sealed record LeaseFenceState(bool Leading, TimeSpan SinceRenewal);
