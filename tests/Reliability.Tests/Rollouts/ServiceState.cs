namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>The active Service as one write left it: its resourceVersion and the pod template hash it selects (null for none).</summary>
public sealed record ServiceState(long Version, string? Hash);
