namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>A pod of the Rollout: its template hash, whether it is Ready, whether it is being deleted.</summary>
public sealed record PodView(string Hash, bool Ready, bool Terminating);
